// "Promote by": plain successive halving (a rung's validation accuracy) or the meta-model's predicted
// full-fidelity accuracy, mean + κ·sd (an upper confidence bound, as in GP-UCB, Srinivas et al. 2010),
// once enough remembered examples share the study's full fidelity.
import evidence from '../../core/groundTruth/promotionEvidence.json';
import { promotionEvidence, type PromotionEvidence } from '../../core/groundTruth/promotionEvidence';
import { describeFidelity, type Fidelity } from '../../core/metaModel/memory';
import type { PromotionGuard, PromotionRule } from '../../core/study/studyDefinition';
import { SCHEDULER_DEFAULTS } from '../../core/study/schedulerDefaults';
import { editStudy } from '../../store/studyEdits';
import { useLab } from '../../store/labStore';
import { NumberField } from './NumberField';
import { useStudyFidelity } from './useStudyFidelity';
import { plainNames, promotionVerdict } from './evidenceWords';
import { Term } from '../glossary/Term';

// Measured by `npm run bench:simulate -- --write-evidence`; the default follows it.
const EVIDENCE = {
  verdict: promotionVerdict(evidence as PromotionEvidence),
  figures: plainNames(promotionEvidence(evidence as PromotionEvidence).figures),
};
export const ASHA_REASON =
  'ASHA promotes one trial at a time as workers free up, so there is no complete rung for the meta-model to rank.';

function hint(
  matching: number,
  ownRun: number,
  fidelity: Fidelity | null,
  minExamples: number,
  loaded: boolean,
): string {
  if (!loaded) return 'Reading the meta-model memory…';
  if (!fidelity) return 'Set the images and epochs first: examples only count for the same full fidelity.';
  const n = `${matching} example${matching === 1 ? '' : 's'} in memory match${matching === 1 ? 'es' : ''} this study's full fidelity (${describeFidelity(fidelity)})${ownRun > 0 ? `, not counting ${ownRun} from an earlier run of this same study and seed` : ''}`;
  return matching >= minExamples
    ? `${n}; that is at least ${minExamples}, so the meta-model decides the promotions.`
    : `${n}; the meta-model decides once there are at least ${minExamples}, until then plain successive halving does.`;
}

export function PromotionSettings({ disabled }: { disabled: boolean }) {
  const s = useLab((st) => st.definition.scheduler);
  const loaded = useLab((st) => st.memory.loaded);
  const { fidelity, matching, ownRun } = useStudyFidelity();
  const rule: PromotionRule = s.promotion ?? SCHEDULER_DEFAULTS.promotion;
  const asha = s.kind === 'asha';
  const minExamples = s.minExamples ?? SCHEDULER_DEFAULTS.minExamples;
  return (
    <>
      <label className="field">
        <span>Promote by</span>
        <select
          value={rule}
          disabled={disabled}
          data-testid="promotion-rule"
          onChange={(e) => editStudy({ scheduler: { promotion: e.target.value as PromotionRule } })}
        >
          <option value="accuracy">validation accuracy (plain successive halving)</option>
          <option value="metaModel" disabled={asha}>
            meta-model prediction
          </option>
        </select>
        {asha && <small data-testid="promotion-asha">Meta-model prediction is unavailable: {ASHA_REASON}</small>}
      </label>
      <div className="field-hint" data-testid="promotion-evidence">
        <p>{EVIDENCE.verdict}</p>
        <details>
          <summary>Details: the figures</summary>
          <p>
            Figures as <Term id="regret" /> against promotion by accuracy, with 95% <Term id="ci">intervals</Term>:
          </p>
          <p>{EVIDENCE.figures}</p>
        </details>
      </div>
      {rule === 'metaModel' && (
        <>
          <NumberField
            label="UCB kappa κ"
            value={s.ucbKappa ?? SCHEDULER_DEFAULTS.ucbKappa}
            step={0.5}
            min={0}
            max={5}
            disabled={disabled}
            testId="ucb-kappa"
            hint="0 = predicted mean only"
            onChange={(v) => editStudy({ scheduler: { ucbKappa: v } })}
          />
          <NumberField
            label="min examples"
            value={minExamples}
            step={1}
            min={3}
            max={1000}
            disabled={disabled}
            testId="min-examples"
            onChange={(v) => editStudy({ scheduler: { minExamples: v } })}
          />
          <label className="field">
            <span>Trust the meta-model</span>
            <select
              value={s.promotionGuard ?? SCHEDULER_DEFAULTS.promotionGuard}
              disabled={disabled}
              data-testid="promotion-guard"
              onChange={(e) => editStudy({ scheduler: { promotionGuard: e.target.value as PromotionGuard } })}
            >
              <option value="cvGate">where it out-ranked accuracy on earlier studies</option>
              <option value="count">wherever it has enough examples at the rung's resource</option>
              <option value="none">at every rung</option>
            </select>
          </label>
          <p className="field-hint" data-testid="promotion-hint">
            {hint(matching, ownRun, fidelity, minExamples, loaded)}
          </p>
        </>
      )}
    </>
  );
}
