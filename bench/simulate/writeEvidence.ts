// Writes what the page says about promotion rules (src/core/groundTruth/promotionEvidence.json) from
// a replay of the real table; a table too small to replay still records how far it has come.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearningCurveTable } from '../../src/core/groundTruth/learningCurveTable';
import { probeEvidence, ruleEvidence, type PromotionEvidence } from '../../src/core/groundTruth/promotionEvidence';
import { schedulerEvidence } from '../../src/core/groundTruth/schedulerEvidence';
import type { SimulationReport } from '../../src/core/groundTruth/simulationReport';
import { fullFidelityLabel, tableConfigurations } from '../../src/core/groundTruth/tableConfigurations';
import { DEFAULT_TABLE_SETTINGS } from '../../src/core/groundTruth/tablePlan';

export const EVIDENCE_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  'src',
  'core',
  'groundTruth',
  'promotionEvidence.json',
);

/** From a replay's report, or with no figures where the table is too small to replay. */
export function writeEvidence(table: LearningCurveTable, report: SimulationReport | null): void {
  const evidence: PromotionEvidence = {
    tableConfigurations: tableConfigurations(table).length,
    tableTarget: DEFAULT_TABLE_SETTINGS.configs,
    fullFidelity: fullFidelityLabel(table.header),
    rules: report ? ruleEvidence(report.rules) : [],
    ...(report
      ? {
          probes: probeEvidence(report.probes, report.probeConfirmation),
          schedulers: schedulerEvidence(report.equalCompute, report.rules),
        }
      : {}),
  };
  writeFileSync(EVIDENCE_PATH, `${JSON.stringify(evidence, null, 2)}\n`);
  console.error(`[simulate] wrote ${EVIDENCE_PATH}`);
}
