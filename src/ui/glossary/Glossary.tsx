// "Words used on this page": every glossary entry, each the target of its Term links.
import { Panel } from '../kit/Panel';
import { GLOSSARY, termAnchor, type TermId } from './glossary';

export function Glossary() {
  return (
    <Panel title="Words used on this page" testId="glossary" className="glossary">
      <dl>
        {(Object.keys(GLOSSARY) as TermId[]).map((id) => (
          <div key={id} id={termAnchor(id)} className="glossary-entry">
            <dt>{GLOSSARY[id].term}</dt>
            <dd>{GLOSSARY[id].text}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
