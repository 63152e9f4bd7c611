// The rung ladder as a table: every trial of every rung, its state and validation accuracy.
import { describeConfig } from '../../core/searchSpace';
import { useLab } from '../../store/labStore';

const pct = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(1)}%`);

export function RungTable() {
  const study = useLab((s) => s.study);
  const live = useLab((s) => s.live);
  const curves = useLab((s) => s.curves);
  if (!study) return null;
  const full = study.definition.data.maxTrainImages;
  return (
    <section className="panel" data-testid="rung-table">
      <h2>Rungs</h2>
      {study.plan.map((rung) => {
        const trials = study.trials.filter((t) => t.rung === rung.rung);
        return (
          <div key={rung.rung} className="rung">
            <h3>Rung {rung.rung + 1}: {rung.numTrials} trial(s) on {Math.round(rung.resource * full)} images</h3>
            {trials.length === 0 ? <p className="muted">Waiting for the survivors of rung {rung.rung}.</p> : (
              <table>
                <thead><tr><th>trial</th><th>config</th><th>hyperparameters</th><th>state</th><th>train loss</th><th>val acc</th><th>img/s</th></tr></thead>
                <tbody>
                  {trials.map((t) => {
                    const l = live[t.trialId];
                    const curve = curves[t.trialId] ?? [];
                    const firstLoss = curve[0]?.loss;
                    const lastLoss = curve[curve.length - 1]?.loss;
                    const state = t.state === 'running' && l ? `running ${Math.round((100 * l.stepsDone) / Math.max(1, l.stepsTotal))}%` : t.state;
                    return (
                      <tr key={t.trialId} className={`state-${t.state}`} title={t.error?.message} data-testid="trial-row"
                        data-backend={t.backend ?? ''} data-first-loss={firstLoss ?? ''} data-last-loss={lastLoss ?? ''}>
                        <td>{t.trialId}</td><td>{t.configId}</td><td>{describeConfig(study.configs[t.configId])}</td>
                        <td>{state}{t.error ? ` (${t.error.code})` : ''}</td><td>{firstLoss === undefined ? '—' : `${firstLoss.toFixed(2)} → ${lastLoss!.toFixed(2)}`}</td><td>{pct(t.valAccuracy)}</td>
                        <td>{t.imagesPerSecond ? t.imagesPerSecond.toFixed(0) : l ? l.imagesPerSecond.toFixed(0) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
}
