// A panel of the page: a titled box on the page's surface colour. `title` is its h2; a panel whose
// heading sits elsewhere (a <details> summary) passes none.
import type { ReactNode, Ref } from 'react';

interface PanelProps {
  title?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  as?: 'section' | 'div';
  ref?: Ref<HTMLElement>;
  /** Extra data-* attributes for tests, e.g. { phase: 'ready' }. */
  data?: Record<string, string | number | undefined>;
}

export function Panel({ title, children, testId, className, as: Tag = 'section', ref, data = {} }: PanelProps) {
  const dataAttrs = Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [`data-${k}`, String(v)]),
  );
  return (
    <Tag
      className={`panel${className ? ` ${className}` : ''}`}
      data-testid={testId}
      ref={ref as Ref<HTMLDivElement>}
      {...dataAttrs}
    >
      {title !== undefined && <h2>{title}</h2>}
      {children}
    </Tag>
  );
}
