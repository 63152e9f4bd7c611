// A technical word where it appears: a link to its entry in the glossary at the foot of the page,
// with the explanation as its tooltip (title) and its accessible description.
import type { ReactNode } from 'react';
import { GLOSSARY, termAnchor, type TermId } from './glossary';

export function Term({ id, children }: { id: TermId; children?: ReactNode }) {
  const entry = GLOSSARY[id];
  return (
    <a className="term" href={`#${termAnchor(id)}`} title={entry.text} data-term={id}>
      {children ?? entry.term}
    </a>
  );
}
