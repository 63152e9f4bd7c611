// The lab page: dataset and backend status, the study controls, live charts and the result.
import { useEffect, useState } from 'react';
import { parseLaunchParams } from '../core/launchParams';
import { PRESETS } from '../core/presets';
import { forceBackend, selectPreset } from '../store/actions';
import { DatasetPanel } from './components/DatasetPanel';
import { BackendPanel } from './components/BackendPanel';
import { StudyPanel } from './components/StudyPanel';
import { LossChart } from './components/LossChart';
import { RungTable } from './components/RungTable';
import { Ranking } from './components/Ranking';
import { BackendCheck } from './components/BackendCheck';

export function App() {
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  useEffect(() => {
    const launch = parseLaunchParams(window.location.search, PRESETS.map((p) => p.id));
    if (launch.presetId) selectPreset(launch.presetId);
    if (launch.backend) forceBackend(launch.backend);
    setLinkProblems(launch.problems);
  }, []);

  return (
    <main className="lab">
      <header>
        <h1>Loss Landscape Probe</h1>
        <p className="tagline">Successive halving over real CIFAR-10, trained in your browser's Web Workers.</p>
      </header>
      {linkProblems.length > 0 && (
        <div role="alert" className="notice">{linkProblems.map((p) => <p key={p}>{p}</p>)}</div>
      )}
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
      <BackendCheck />
    </main>
  );
}
