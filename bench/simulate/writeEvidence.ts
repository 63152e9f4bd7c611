// Writes what the page says about promotion rules (src/core/groundTruth/promotionEvidence.json) from
// a replay of the real table; a table too small to replay still records how far it has come.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearningCurveTable } from '../../src/core/groundTruth/learningCurveTable';
import { ruleEvidence, type PromotionEvidence } from '../../src/core/groundTruth/promotionEvidence';
import type { RuleReport } from '../../src/core/groundTruth/ruleReport';
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

export function writeEvidence(table: LearningCurveTable, reports: readonly RuleReport[]): void {
  const evidence: PromotionEvidence = {
    tableConfigurations: tableConfigurations(table).length,
    tableTarget: DEFAULT_TABLE_SETTINGS.configs,
    fullFidelity: fullFidelityLabel(table.header),
    rules: ruleEvidence(reports),
  };
  writeFileSync(EVIDENCE_PATH, `${JSON.stringify(evidence, null, 2)}\n`);
  console.error(`[simulate] wrote ${EVIDENCE_PATH}`);
}
