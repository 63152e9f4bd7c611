// Loads the shipped learning-curve table the first time a replay is opened (its own chunk, so the
// page's first load does not pay for it) and keeps the configurations a replay may draw from.
import { useEffect, useRef, useState } from 'react';
import { parseTable, type LearningCurveTable } from '../../core/groundTruth/learningCurveTable';
import { tableConfigurations, type TableConfiguration } from '../../core/groundTruth/tableConfigurations';

export type TableState =
  | { phase: 'idle' | 'loading' | 'missing' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; table: LearningCurveTable; configs: TableConfiguration[] };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useLearningCurveTable(wanted: boolean): TableState {
  const [state, setState] = useState<TableState>({ phase: 'idle' });
  const started = useRef(false);
  const mounted = useRef(true);
  // Set on every mount: StrictMode mounts, unmounts and mounts again in development.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    if (!wanted || started.current) return;
    started.current = true;
    setState({ phase: 'loading' });
    import('virtual:learning-curve-table').then(
      ({ default: text }) => {
        if (!mounted.current) return;
        if (text === null) return setState({ phase: 'missing' });
        try {
          const { table } = parseTable(text);
          setState({ phase: 'ready', table, configs: tableConfigurations(table) });
        } catch (e) {
          setState({ phase: 'error', message: `The learning-curve table in this build is damaged: ${messageOf(e)}` });
        }
      },
      (e: unknown) => {
        if (mounted.current)
          setState({
            phase: 'error',
            message: `The learning-curve table could not be loaded (${messageOf(e)}). Reload the page when you are online; after one visit it works offline.`,
          });
      },
    );
  }, [wanted]);
  return state;
}
