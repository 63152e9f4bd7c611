// The analysis dashboard: every chart of the study (minus those a lesson link hides), with the
// presentation toggle and the printable report. Reads the store; the charts only draw.
import { useDeferredValue } from 'react';
import { setView } from '../../store/studyEdits';
import { useLab } from '../../store/labStore';
import { Chart, visibleCharts } from './charts';
import { DashboardContext } from './dashboardContext';
import { printReport } from './printReport';
import { ReportHeader } from './ReportHeader';

export function Dashboard() {
  const study = useLab((s) => s.study);
  // The analysis charts get the study a render late, so buttons and the live loss curves stay responsive while 500 trials redraw.
  const deferredStudy = useDeferredValue(study);
  const curves = useLab((s) => s.curves);
  const hide = useLab((s) => s.classroom.hide);
  const backend = useLab((s) => s.backend?.backend ?? null);
  const startedAt = useLab((s) => s.startedAt);
  const finishedAt = useLab((s) => s.finishedAt);
  // The audit's chart joins the others once the study on screen has an audit.
  const audit = useLab((s) => (s.audit.studyId === s.studyId ? s.audit.report : null));
  const charts = visibleCharts(hide, { audit: audit !== null });
  return (
    <DashboardContext.Provider
      value={{ exportPrefix: study?.definition.name ?? 'study', canExport: !hide.includes('export') }}
    >
      <section className="panel dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
        <div className="dashboard-toolbar">
          <h2 id="dashboard-title">Analysis</h2>
          {!hide.includes('presentToggle') && (
            <button
              type="button"
              onClick={() => setView('present')}
              data-testid="present-toggle"
              aria-label="Open the presentation view: one chart at a time, large type"
            >
              Presentation view
            </button>
          )}
          <button type="button" onClick={printReport} data-testid="print-report">
            Print report
          </button>
        </div>
        <ReportHeader study={deferredStudy} backend={backend} startedAt={startedAt} finishedAt={finishedAt} />
        <div className="dashboard-grid">
          {charts.map((id) => (
            <Chart
              key={id}
              id={id}
              study={id === 'trainingCurves' ? study : deferredStudy}
              curves={curves}
              audit={audit}
            />
          ))}
        </div>
      </section>
    </DashboardContext.Provider>
  );
}
