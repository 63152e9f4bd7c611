// The lab page: dataset and backend status, the study controls, live charts and the result.
import { useLab } from '../store/labStore';
import { DatasetPanel } from './components/DatasetPanel';
import { BackendPanel } from './components/BackendPanel';
import { StudyPanel } from './components/StudyPanel';
import { LossChart } from './components/LossChart';
import { RungTable } from './components/RungTable';
import { Ranking } from './components/Ranking';
import { BackendCheck } from './components/BackendCheck';
import { LandscapePanel } from './landscape/LandscapePanel';
import { StudyLibrary } from './components/StudyLibrary';
import { ResumeBanner } from './components/ResumeBanner';

export function App() {
  const linkProblems = useLab((s) => s.linkProblems);

  return (
    <main className="lab">
      <header>
        <h1>Loss Landscape Probe</h1>
        <p className="tagline">Successive halving over real CIFAR-10, trained in your browser's Web Workers.</p>
      </header>
      {linkProblems.length > 0 && (
        <div role="alert" className="notice" data-testid="link-problems">{linkProblems.map((p) => <p key={p}>{p}</p>)}</div>
      )}
      <ResumeBanner />
      <section className="status-row">
        <DatasetPanel />
        <BackendPanel />
      </section>
      <StudyPanel />
      <LossChart />
      <section className="results-row">
        <RungTable />
        <Ranking />
      </section>
      <LandscapePanel />
      <StudyLibrary />
      <BackendCheck />
    </main>
  );
}
