// The classroom view: one chart at a time in large, high-contrast type with its explanation beside
// it, previous/next by buttons or the arrow keys, the ranking as the last slide, and just enough
// controls to run the study in front of a class.
import { useDeferredValue, useEffect, useState } from 'react';
import { presetOf } from '../../core/study/presets';
import { startStudy, stopStudy } from '../../app/page';
import { setView } from '../../store/studyEdits';
import { useLab } from '../../store/labStore';
import { StudyProgress } from '../components/StudyProgress';
import { Ranking } from '../components/Ranking';
import { chartInfo, type ChartId } from './chartCatalog';
import { Chart, visibleCharts } from './charts';
import { DashboardContext } from './dashboardContext';
import { printReport } from './printReport';
import { Notice } from '../kit/Notice';

type Slide = ChartId | 'ranking';

/** Arrow keys move between slides unless the focus is in a field that uses them. */
function usesArrows(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)
  );
}

export function PresentationView() {
  const study = useLab((s) => s.study);
  const deferredStudy = useDeferredValue(study);
  const curves = useLab((s) => s.curves);
  const hide = useLab((s) => s.classroom.hide);
  const busy = useLab((s) => s.busy);
  const definition = useLab((s) => s.definition);
  const datasetReady = useLab((s) => s.dataset.phase === 'ready');
  const audit = useLab((s) => (s.audit.studyId === s.studyId ? s.audit.report : null));
  const shown: Slide[] = [
    ...visibleCharts(hide, { audit: audit !== null }),
    ...(hide.includes('ranking') ? [] : ['ranking' as const]),
  ];
  // A link that hides every chart still gets one slide: a presentation with none has nothing to show.
  const slides: Slide[] = shown.length > 0 ? shown : ['ranking'];
  const [index, setIndex] = useState(0);
  const at = Math.min(index, slides.length - 1);
  const slide = slides[at];
  const go = (delta: number) =>
    setIndex((i) => Math.max(0, Math.min(slides.length - 1, Math.min(i, slides.length - 1) + delta)));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || usesArrows(e.target)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(slides.length - 1);
      else if (e.key === 'Escape' && !hide.includes('presentToggle'))
        setView('lab'); // a lesson may keep the class on the slides
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const title = slide === 'ranking' ? 'Ranking' : chartInfo(slide).title;
  const canRun = busy === 'idle' && datasetReady;
  const shownPreset = presetOf(study?.definition ?? definition);
  return (
    <DashboardContext.Provider
      value={{ exportPrefix: study?.definition.name ?? 'study', canExport: !hide.includes('export') }}
    >
      <section
        className="presentation"
        data-testid="presentation"
        aria-roledescription="slide deck"
        aria-label="Presentation view"
      >
        <div className="present-bar">
          <h2 className="present-title">
            {shownPreset ? shownPreset.label : `Custom study (${(study?.definition ?? definition).name})`}
          </h2>
          {!hide.includes('run') && (
            <>
              {/* aria-disabled, not disabled: a pressed button keeps the focus. */}
              <button
                type="button"
                className="primary"
                onClick={() => canRun && void startStudy()}
                aria-disabled={!canRun}
              >
                Run study
              </button>
              <button
                type="button"
                onClick={() => busy === 'running' && stopStudy()}
                aria-disabled={busy !== 'running'}
              >
                Stop
              </button>
            </>
          )}
          <StudyProgress />
          {!datasetReady && (
            <Notice tone="info" as="span">
              Loading the training images…
            </Notice>
          )}
        </div>
        {/* Above the slide: a tall slide no longer pushes it below the fold or moves it. */}
        <nav className="present-nav" aria-label="Slides">
          <button
            type="button"
            onClick={() => go(-1)}
            disabled={at === 0}
            aria-label="Previous chart"
            data-testid="slide-prev"
          >
            ← Previous
          </button>
          <span aria-live="polite" data-testid="slide-position">
            {at + 1} / {slides.length}: {title}
          </span>
          <button
            type="button"
            onClick={() => go(1)}
            disabled={at === slides.length - 1}
            aria-label="Next chart"
            data-testid="slide-next"
          >
            Next →
          </button>
          <button type="button" onClick={printReport}>
            Print report
          </button>
          {!hide.includes('presentToggle') && (
            <button type="button" onClick={() => setView('lab')} data-testid="present-exit">
              Exit presentation
            </button>
          )}
        </nav>
        <div
          className="slide"
          data-testid="slide"
          data-slide={slide}
          aria-roledescription="slide"
          aria-label={`${at + 1} of ${slides.length}: ${title}`}
        >
          {slide === 'ranking' ? (
            study && study.phase !== 'running' ? (
              <Ranking />
            ) : (
              <Notice tone="info" className="chart-empty">
                The ranking appears when the study has finished.
              </Notice>
            )
          ) : (
            <Chart
              id={slide}
              study={slide === 'trainingCurves' ? study : deferredStudy}
              curves={curves}
              audit={audit}
            />
          )}
        </div>
      </section>
    </DashboardContext.Provider>
  );
}
