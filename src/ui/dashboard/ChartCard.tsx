// A chart's figure: its title, the "what to look at" line, its own controls, the chart, and buttons
// that export the chart's SVG as an SVG or PNG file.
import { useContext, useRef, useState, type ReactNode } from 'react';
import { chartInfo, type ChartId } from './chartCatalog';
import { DashboardContext } from './dashboardContext';
import { exportPng, exportSvg } from './exportChart';
import { Notice } from '../kit/Notice';
import { Term } from '../glossary/Term';

interface ChartCardProps {
  id: ChartId;
  /** Shown instead of the chart when there is nothing to draw yet. */
  empty?: string | null;
  controls?: ReactNode;
  /** What exactly the chart shows (which rung, which budget), under the title. */
  subtitle?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
  /** Extra data-* attributes for tests. */
  data?: Record<string, string | number>;
}

export function ChartCard({ id, empty, controls, subtitle, footer, children, data = {} }: ChartCardProps) {
  const info = chartInfo(id);
  const ref = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const context = useContext(DashboardContext);
  const canExport = context.canExport && !empty;
  const dataAttrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));

  const run = (kind: 'png' | 'svg') => {
    const svg = ref.current?.querySelector('svg.chart-svg');
    if (!(svg instanceof SVGSVGElement)) return;
    const name = `${context.exportPrefix}-${id}.${kind}`;
    setProblem(null);
    if (kind === 'svg') exportSvg(svg, name);
    else exportPng(svg, name).catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  };

  return (
    <figure
      className="chart-card"
      data-testid={`chart-${id}`}
      data-state={empty ? 'empty' : 'ready'}
      aria-labelledby={`chart-title-${id}`}
      {...dataAttrs}
    >
      <header className="chart-head">
        <h3 id={`chart-title-${id}`}>{info.title}</h3>
        {canExport && (
          <div className="chart-export" role="group" aria-label={`Export ${info.title}`}>
            <button type="button" onClick={() => run('png')} aria-label={`Export ${info.title} as PNG`}>
              PNG
            </button>
            <button type="button" onClick={() => run('svg')} aria-label={`Export ${info.title} as SVG`}>
              SVG
            </button>
          </div>
        )}
      </header>
      {subtitle && (
        <p className="chart-subtitle" data-testid="chart-subtitle">
          {subtitle}
        </p>
      )}
      <p className="chart-explains">
        <strong>What to look at:</strong> {info.explains}
        {info.terms && (
          <span className="chart-terms">
            {' '}
            (Words:{' '}
            {info.terms.map((t, i) => (
              <span key={t}>
                {i > 0 && ', '}
                <Term id={t} />
              </span>
            ))}
            .)
          </span>
        )}
      </p>
      {controls && <div className="chart-controls">{controls}</div>}
      <div className="chart-body" ref={ref}>
        {empty ? (
          <Notice tone="info" className="chart-empty">
            {empty}
          </Notice>
        ) : (
          children
        )}
      </div>
      {footer && !empty && <figcaption className="chart-footer">{footer}</figcaption>}
      {problem && (
        <Notice tone="error" live="alert">
          {problem}
        </Notice>
      )}
    </figure>
  );
}
