// The lab page: what it does in two sentences, the study and its Run button first with the dataset and
// compute status beside it, then live charts and the result, and the glossary of the words it uses,
// inside an error boundary; a study that ends in a background tab says so in the title.
import { lazy, Suspense } from 'react';
import { useLab } from '../store/labStore';
import { DatasetPanel } from './components/DatasetPanel';
import { BackendPanel } from './components/BackendPanel';
import { StudyPanel } from './components/StudyPanel';
import { RungTable } from './components/RungTable';
import { Ranking } from './components/Ranking';
import { AuditPanel } from './components/AuditPanel';
import { RecommendationPanel } from './components/RecommendationPanel';
import { BackendCheck } from './components/BackendCheck';
import { RealFidelityPointer } from './components/RealFidelityPointer';
import { StudyLibrary } from './components/StudyLibrary';
import { ResumeBanner } from './components/ResumeBanner';
import { MemoryPanel } from './components/MemoryPanel';
import { NotifyToggle } from './components/NotifyToggle';
import { ErrorBoundary } from './ErrorBoundary';
import { useBackgroundNotice } from './useBackgroundNotice';
import { Notice } from './kit/Notice';
import { Glossary } from './glossary/Glossary';
import { Intro } from './Intro';

// The charts, the landscape and the replay load as chunks of their own, so the page's first script
// stays small (each shows as soon as its chunk is in; nothing waits on it).
const Dashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const PresentationView = lazy(() =>
  import('./dashboard/PresentationView').then((m) => ({ default: m.PresentationView })),
);
const LandscapePanel = lazy(() => import('./landscape/LandscapePanel').then((m) => ({ default: m.LandscapePanel })));
const TableReplayPanel = lazy(() => import('./replay/TableReplayPanel').then((m) => ({ default: m.TableReplayPanel })));

export function App() {
  useBackgroundNotice(); // outside the boundary: it keeps working if a panel fails to draw
  return (
    <ErrorBoundary>
      <Lab />
    </ErrorBoundary>
  );
}

function Lab() {
  const linkProblems = useLab((s) => s.linkProblems);
  const { view, hide } = useLab((s) => s.classroom);
  const shown = (name: (typeof hide)[number]) => !hide.includes(name);

  return (
    <main className={`lab${view === 'present' ? ' lab-present' : ''}`}>
      <header>
        <h1>Loss Landscape Probe</h1>
        {view === 'present' ? null : <Intro />}
        {view !== 'present' && <NotifyToggle />}
      </header>
      {linkProblems.length > 0 && (
        <Notice tone="warning" live="alert" as="div" testId="link-problems">
          {linkProblems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </Notice>
      )}
      {view === 'present' ? (
        <Suspense fallback={null}>
          <PresentationView />
        </Suspense>
      ) : (
        <>
          <ResumeBanner />
          <div className="first-screen">
            <StudyPanel />
            {(shown('dataset') || shown('compute')) && (
              <aside className="setup-column" aria-label="Data and compute">
                {shown('dataset') && <DatasetPanel />}
                {shown('compute') && <BackendPanel />}
              </aside>
            )}
          </div>
          <Suspense fallback={null}>{shown('dashboard') && <Dashboard />}</Suspense>
          <section className="results-row">
            {shown('rungs') && <RungTable />}
            {shown('ranking') && <Ranking />}
            {shown('ranking') && <RecommendationPanel />}
          </section>
          {shown('ranking') && shown('replay') && <RealFidelityPointer />}
          {shown('ranking') && <AuditPanel />}
          <Suspense fallback={null}>
            {shown('landscape') && <LandscapePanel />}
            {shown('replay') && <TableReplayPanel />}
          </Suspense>
          {shown('library') && <StudyLibrary />}
          {shown('library') && <MemoryPanel />}
          {shown('backendCheck') && <BackendCheck />}
          <Glossary />
        </>
      )}
    </main>
  );
}
