// A render error shows what went wrong and keeps the study exportable, instead of a blank page. The
// study itself lives in the store and the orchestrator, outside React, so it is intact (and a running
// one goes on training) whatever broke in the view.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLab } from '../store/labStore';
import { exportStudyJson } from '../store/persistence';
import { Notice } from './kit/Notice';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('The page failed to draw:', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    return error ? <RenderFailure error={error} retry={() => this.setState({ error: null })} /> : this.props.children;
  }
}

function RenderFailure({ error, retry }: { error: Error; retry: () => void }) {
  const study = useLab((s) => s.study);
  const running = useLab((s) => s.busy !== 'idle');
  // The fault may be in the study itself: describing it must not throw again.
  let described = 'The study';
  try {
    if (study) described = `The study “${study.definition.name}” (${study.trials.length} trials, ${study.phase})`;
  } catch {
    /* keep the plain words */
  }
  return (
    <main className="lab">
      <header>
        <h1>Loss Landscape Probe</h1>
      </header>
      <section className="panel" role="alert" data-testid="render-error">
        <h2>Something went wrong while drawing the page</h2>
        <Notice tone="error">{error.message}</Notice>
        {study ? (
          <p>
            {described} is not lost{running ? ' and is still training' : ''}. Export it now, or reload: saved studies
            are listed again after a reload.
          </p>
        ) : (
          <p>No study had been run: nothing is lost.</p>
        )}
        <div className="controls">
          {study && (
            <button className="primary" onClick={() => void exportStudyJson(null)}>
              Export current study (JSON)
            </button>
          )}
          <button onClick={retry}>Try to draw the page again</button>
          <button onClick={() => location.reload()}>Reload</button>
        </div>
      </section>
    </main>
  );
}
