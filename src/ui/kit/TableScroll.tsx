// A wide table scrolls inside its own box, so a phone's page never scrolls sideways. The box takes
// the keyboard focus (arrow keys scroll it) and is named, as WCAG asks of a scrollable region.
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
