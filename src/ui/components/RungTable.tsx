// The rung ladder as a table: every trial of every rung, its state and validation accuracy.
import { budgetAt } from '../../core/schedulers/schedule';
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { formatPercent as pct } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

export function RungTable() {
  const study = useLab((s) => s.study);
  const live = useLab((s) => s.live);
  const curves = useLab((s) => s.curves);
  const probes = useLab((s) => s.probes);
  if (!study) return null;
  // The probe columns only where a trial was probed: studies do not probe unless asked to.
  const probed = Object.values(probes).some((p) => p !== undefined);
  const full = study.definition.data.maxTrainImages;
  return (
    <Panel title="Rungs" testId="rung-table">
      {study.brackets
        .flatMap((b) => b.plan.map((rung) => ({ b, rung })))
        .map(({ b, rung }) => {
          const trials = study.trials.filter((t) => t.bracket === b.bracket && t.rung === rung.rung);
          const budget = budgetAt(study.definition, rung.resource);
          const promotion = study.promotions?.find((p) => p.bracket === b.bracket && p.rung === rung.rung);
          const predicted = (configId: number) => promotion?.predictions?.[configId];
          return (
            <div key={`${b.bracket}-${rung.rung}`} className="rung">
              <h3>
                {study.brackets.length > 1 ? `Bracket ${b.bracket + 1}, r` : 'R'}ung {rung.rung + 1}:{' '}
                {study.asha ? 'as promoted' : `${rung.numTrials} trial(s)`} on{' '}
                {Math.round(budget.dataFraction * full).toLocaleString('en')} images × {budget.epochs} epoch(s)
              </h3>
              {trials.length === 0 ? (
                <Notice tone="info">Waiting for the survivors of rung {rung.rung}.</Notice>
              ) : (
                <TableScroll
                  label={`Trials of ${study.brackets.length > 1 ? `bracket ${b.bracket + 1}, ` : ''}rung ${rung.rung + 1}`}
                >
                  <table>
                    <thead>
                      <tr>
                        <th>trial</th>
                        <th>config</th>
                        <th>hyperparameters</th>
                        <th>state</th>
                        <th>train loss</th>
                        <th>val acc</th>
                        <th>img/s</th>
                        {probed && (
                          <>
                            <th title="Filter-normalised random-direction sharpness (mean of K), rho 0.05">
                              sharpness
                            </th>
                            <th title="SAM sharpness, rho 0.05">SAM</th>
                            <th title="Gradient norm of the probe-set loss at the trained weights">‖∇L‖</th>
                          </>
                        )}
                        {promotion?.predictions && (
                          <th title="The meta-model's predicted full-fidelity accuracy, with its 90% interval">
                            predicted full
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {trials.map((t) => {
                        const l = live[t.trialId];
                        const curve = curves[t.trialId] ?? [];
                        const firstLoss = curve[0]?.loss;
                        const lastLoss = curve[curve.length - 1]?.loss;
                        const p = probes[t.trialId];
                        const state =
                          t.state === 'running' && l
                            ? `running ${Math.round((100 * l.stepsDone) / Math.max(1, l.stepsTotal))}%`
                            : t.state;
                        return (
                          <tr
                            key={t.trialId}
                            className={`state-${t.state}`}
                            title={t.error?.message}
                            data-testid="trial-row"
                            data-backend={t.backend ?? ''}
                            data-attempts={t.attempts}
                            data-trial-id={t.trialId}
                            data-state={t.state}
                            data-duration-ms={t.durationMs ?? ''}
                            data-first-loss={firstLoss ?? ''}
                            data-last-loss={lastLoss ?? ''}
                            data-probe-loss={p?.loss ?? ''}
                          >
                            <td>{t.trialId}</td>
                            <td>{t.configId}</td>
                            <td>{describeConfig(study.configs[t.configId])}</td>
                            <td>
                              {state}
                              {t.error ? ` (${t.error.code})` : ''}
                              {t.attempts > 1 ? ` · attempt ${t.attempts}` : ''}
                            </td>
                            <td>
                              {firstLoss === undefined ? '—' : `${firstLoss.toFixed(2)} → ${lastLoss!.toFixed(2)}`}
                            </td>
                            <td>{pct(t.valAccuracy)}</td>
                            <td>
                              {t.imagesPerSecond
                                ? t.imagesPerSecond.toFixed(0)
                                : l
                                  ? l.imagesPerSecond.toFixed(0)
                                  : '—'}
                            </td>
                            {probed && (
                              <>
                                <td>{p ? p.sharpnessMean.toFixed(3) : '—'}</td>
                                <td>{p ? p.samSharpness.toFixed(3) : '—'}</td>
                                <td>{p ? p.gradientNorm.toFixed(3) : '—'}</td>
                              </>
                            )}
                            {promotion?.predictions && (
                              <td data-testid="predicted-full">
                                {predicted(t.configId)
                                  ? `${pct(predicted(t.configId)!.mean)} [${pct(predicted(t.configId)!.lower)}, ${pct(predicted(t.configId)!.upper)}]`
                                  : '—'}
                              </td>
                            )}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </TableScroll>
              )}
              {b.awaitingScores && b.rung === rung.rung && (
                <Notice tone="info" testId="promotion-pending">
                  <progress /> Fitting the meta-model to choose who goes on…
                </Notice>
              )}
              {promotion && (
                <p
                  className={promotion.rule === 'metaModel' ? 'promotion-note' : 'promotion-note muted'}
                  data-testid="promotion-note"
                  data-rule={promotion.rule}
                >
                  {promotion.rule === 'metaModel' ? 'Meta-model: ' : 'Plain successive halving: '}
                  {promotion.note}.
                </p>
              )}
            </div>
          );
        })}
    </Panel>
  );
}
