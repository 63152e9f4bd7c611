// One look for every message on the page, in three tones: `info` (quiet context), `warning` (worth
// reading before going on) and `error` (something failed). `live` makes it an ARIA live region, so a
// screen reader announces it when it appears (`alert` interrupts, `status` waits).
import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error';

interface NoticeProps {
  tone: NoticeTone;
  children: ReactNode;
  live?: 'alert' | 'status';
  /** A paragraph by default; `div` for a notice that holds paragraphs or buttons, `span` inside a line. */
  as?: 'p' | 'div' | 'span';
  testId?: string;
  className?: string;
}

export function Notice({ tone, children, live, as: Tag = 'p', testId, className }: NoticeProps) {
  return (
    <Tag
      className={`notice notice-${tone}${className ? ` ${className}` : ''}`}
      role={live}
      data-testid={testId}
      data-tone={tone}
    >
      {children}
    </Tag>
  );
}
