// Editable successive-halving settings of the next study: configurations, reduction factor,
// minimum data fraction, full-fidelity images, epochs, seed, what rungs promote by, and whether
// trials are probed.
import evidence from '../../core/groundTruth/promotionEvidence.json';
import type { PromotionEvidence } from '../../core/groundTruth/promotionEvidence';
import { schedulerEvidenceText } from '../../core/groundTruth/schedulerEvidence';
import { editStudy } from '../../store/studyEdits';
import { useLab } from '../../store/labStore';
import { NumberField } from './NumberField';
import { PromotionSettings } from './PromotionSettings';
import { ProbeToggle } from './ProbeToggle';
import { plainNames, schedulerVerdict } from './evidenceWords';
import { Term } from '../glossary/Term';

// Measured by `npm run bench:simulate -- --write-evidence`: whether each scheduler beats random search at its
// compute, in a sentence, with the figures behind a toggle.
const SCHEDULER_EVIDENCE = (() => {
  const e = evidence as PromotionEvidence;
  const figures = schedulerEvidenceText(e.schedulers ?? [], e.tableConfigurations, e.fullFidelity);
  return figures ? { verdict: schedulerVerdict(e.schedulers ?? []), figures: plainNames(figures) } : null;
})();

export function StudySettings() {
  const d = useLab((s) => s.definition);
  const disabled = useLab((s) => s.busy !== 'idle' || s.classroom.lock);
  const s = d.scheduler;
  const choose = <T extends string>(
    label: string,
    value: T,
    options: readonly [T, string][],
    onChange: (v: T) => void,
  ) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  // ASHA has no complete rung to predict over: choosing it falls back to plain promotion (PromotionSettings says why).
  const chooseKind = (kind: typeof s.kind) =>
    editStudy({
      scheduler: kind === 'asha' && s.promotion === 'metaModel' ? { kind, promotion: 'accuracy' } : { kind },
    });
  return (
    <fieldset className="settings" data-testid="study-settings">
      <legend>Search strategy and budget</legend>
      {choose(
        'scheduler',
        s.kind,
        [
          ['successiveHalving', 'successive halving'],
          ['hyperband', 'Hyperband'],
          ['asha', 'ASHA (asynchronous)'],
          ['twoStep', 'two-step (subset, then top K)'],
        ] as const,
        chooseKind,
      )}
      {SCHEDULER_EVIDENCE && (
        <div className="field-hint">
          <p>{SCHEDULER_EVIDENCE.verdict}</p>
          <details>
            <summary>Details: the figures</summary>
            <p>
              Figures as <Term id="regret" /> in accuracy points with 95% <Term id="ci">intervals</Term>:
            </p>
            <p data-testid="scheduler-evidence">{SCHEDULER_EVIDENCE.figures}</p>
          </details>
        </div>
      )}
      {choose(
        'resource',
        s.resource,
        [
          ['dataFraction', 'data fraction'],
          ['epochs', 'epochs (promoted trials continue)'],
          ['both', 'data and epochs'],
        ] as const,
        (resource) => editStudy({ scheduler: { resource } }),
      )}
      {choose(
        'sampler',
        d.sampler,
        [
          ['random', 'random'],
          ['halton', 'Halton (low discrepancy)'],
          ['grid', 'grid'],
        ] as const,
        (sampler) => editStudy({ sampler }),
      )}
      <NumberField
        label="configurations"
        value={s.numConfigs}
        step={1}
        min={1}
        disabled={disabled}
        onChange={(v) => editStudy({ scheduler: { numConfigs: v } })}
      />
      <NumberField
        label="reduction factor η"
        hint={<Term id="reductionFactor">what is η?</Term>}
        value={s.reductionFactor}
        step={1}
        min={2}
        disabled={disabled}
        onChange={(v) => editStudy({ scheduler: { reductionFactor: v } })}
      />
      <NumberField
        label="minimum fraction"
        value={Number(s.minResource.toFixed(4))}
        step={0.01}
        min={0.001}
        disabled={disabled}
        onChange={(v) => editStudy({ scheduler: { minResource: v } })}
      />
      <NumberField
        label="images at fraction 1"
        value={d.data.maxTrainImages}
        step={100}
        min={1}
        disabled={disabled}
        onChange={(v) => editStudy({ data: { maxTrainImages: v } })}
      />
      <NumberField
        label="epochs per trial"
        value={d.fixed.epochs ?? 1}
        step={1}
        min={1}
        disabled={disabled}
        onChange={(v) => editStudy({ fixed: { epochs: v } })}
      />
      <NumberField
        label="seed"
        value={d.seed}
        step={1}
        min={0}
        disabled={disabled}
        onChange={(v) => editStudy({ seed: v })}
      />
      <PromotionSettings disabled={disabled} />
      <ProbeToggle disabled={disabled} />
    </fieldset>
  );
}
