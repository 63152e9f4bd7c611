// One replayed study, rung by rung: what each trial would have trained (images x epochs), the
// validation accuracy the table measured there, and whether the rule promoted it; beside it, the
// configuration's accuracy at full fidelity, which the study never saw before its last rung.
import type { TableHeader } from '../../core/groundTruth/learningCurveTable';
import type { StudyOutcome } from '../../core/groundTruth/replayStudy';
import type { TableConfiguration } from '../../core/groundTruth/tableConfigurations';
import { describeConfig } from '../../core/searchSpace/searchSpace';
import { formatPercent } from '../kit/format';
import { TableScroll } from '../kit/TableScroll';

/** The images the table's row at this fraction trained on (nested subsets are stratified, so not exactly fraction x all). */
const imagesAt = (c: TableConfiguration, fraction: number, header: TableHeader) =>
  c.rows.find((r) => Math.abs(r.dataFraction - fraction) <= 1e-9)?.images ?? Math.round(fraction * header.trainImages);
const pct = (v: number | null) => (v === null ? 'diverged' : formatPercent(v));

export function ReplayLadder({
  header,
  pool,
  outcome,
}: {
  header: TableHeader;
  pool: readonly TableConfiguration[];
  outcome: StudyOutcome;
}) {
  const byId = new Map(pool.map((c) => [c.configId, c]));
  const next = new Set(outcome.trials.map((t) => `${t.bracket}/${t.rung}/${t.configId}`));
  const lastRung = new Map<number, number>();
  for (const t of outcome.trials) lastRung.set(t.bracket, Math.max(lastRung.get(t.bracket) ?? 0, t.rung));
  const verdict = (t: StudyOutcome['trials'][number]) => {
    if (next.has(`${t.bracket}/${t.rung + 1}/${t.configId}`)) return 'promoted';
    if (t.rung === lastRung.get(t.bracket)) return t.configId === outcome.pick ? 'picked' : 'finished';
    return 'stopped';
  };
  return (
    <TableScroll label="Replayed study, rung by rung">
      <table className="replay-ladder" data-testid="replay-ladder">
        <thead>
          <tr>
            <th>bracket</th>
            <th>rung</th>
            <th>configuration</th>
            <th>trained on</th>
            <th>validation</th>
            <th>decision</th>
            <th>at full fidelity</th>
          </tr>
        </thead>
        <tbody>
          {outcome.trials.map((t) => {
            const c = byId.get(t.configId)!;
            const v = verdict(t);
            return (
              <tr key={`${t.bracket}/${t.rung}/${t.configId}`} data-testid="replay-trial" data-decision={v}>
                <td>{t.bracket}</td>
                <td>{t.rung}</td>
                <td>
                  {t.configId} <span className="muted">{describeConfig(c.config)}</span>
                </td>
                <td>
                  {imagesAt(c, t.dataFraction, header).toLocaleString('en')} images x {t.epochs} epoch
                  {t.epochs === 1 ? '' : 's'}
                </td>
                <td>{pct(t.valAccuracy)}</td>
                <td className={`decision-${v}`}>{v}</td>
                <td className="muted">{pct(c.fullAccuracy)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
