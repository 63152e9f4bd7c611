// "Replay a real study": successive halving (or Hyperband, or two-step) run over the learning-curve
// table (`npm run bench:table`) instead of training, so a class sees in a moment what a study at real
// fidelity would have trained, promoted and picked, what that cost, and how often such a study picks
// the best configuration (the tabular-benchmark replay of LCBench, Zimmer et al. 2021, in the page).
import { useEffect, useRef, useState } from 'react';
import { useLab } from '../../store/labStore';
import { ReplayView } from './ReplayView';
import { useLearningCurveTable } from './useLearningCurveTable';
import { Notice } from '../kit/Notice';
import { Panel } from '../kit/Panel';
import { Term } from '../glossary/Term';
import { useReplayRequest } from './replayRequest';

export function TableReplayPanel() {
  const link = useLab((s) => s.classroom.replay);
  const [open, setOpen] = useState(link !== null);
  const state = useLearningCurveTable(open);
  const section = useRef<HTMLElement>(null);
  const ready = state.phase === 'ready';
  const asked = useReplayRequest((s) => s.asked);
  useEffect(() => {
    if (asked > 0) setOpen(true);
  }, [asked]);
  // A lesson link to a replay, or a request from the finished study, brings it into view once drawn.
  useEffect(() => {
    if (ready && (link || asked > 0)) section.current?.scrollIntoView({ block: 'start' });
  }, [ready, link, asked]);
  return (
    <Panel testId="table-replay" ref={section}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2>Replay a real study (no training)</h2>
        </summary>
        <p className="muted">
          Words used here: <Term id="regret" />, <Term id="pBest" />, <Term id="ci" />, <Term id="spearman" />,{' '}
          <Term id="fidelity" />.
        </p>
        {state.phase === 'loading' && <Notice tone="info">Loading the learning-curve table…</Notice>}
        {state.phase === 'missing' && (
          <Notice tone="error" live="alert">
            This build has no learning-curve table: <code>npm run bench:table</code> builds one.
          </Notice>
        )}
        {state.phase === 'error' && (
          <Notice tone="error" live="alert">
            {state.message}
          </Notice>
        )}
        {state.phase === 'ready' &&
          (state.configs.length < 2 ? (
            <Notice tone="error" live="alert">
              The table in this build has {state.configs.length} configuration(s) with every data fraction; a replay
              needs at least 2.
            </Notice>
          ) : (
            <ReplayView table={state.table} configs={state.configs} link={link} />
          ))}
      </details>
    </Panel>
  );
}
