// The meta-model's examples across studies (../core/metaModel/knowledge) in IndexedDB, one record
// per example under `example:v1:<key>`, so adding a study's examples never rewrites the others.
// Values are checked by the caller (they may be damaged); failures come back as messages.
import { clear, createStore, entries, setMany } from 'idb-keyval';
import { exampleKey, type MetaExample } from '../core/metaModel/knowledge';
import { storageMessage } from './studyStore';

const knowledge = createStore('llp-knowledge', 'examples');
const PREFIX = 'example:v1:';

/** Every stored value, unchecked. */
export async function readExampleValues(): Promise<unknown[]> {
  const all = await entries(knowledge);
  return all.filter(([k]) => typeof k === 'string' && k.startsWith(PREFIX)).map(([, v]) => v);
}

/** Adds (or replaces, by key) examples; null on success, else a message for the page. */
export async function saveExamples(examples: readonly MetaExample[]): Promise<string | null> {
  try {
    await setMany(examples.map((e) => [`${PREFIX}${exampleKey(e)}`, e]), knowledge);
    return null;
  } catch (e) {
    return storageMessage(e, `${examples.length} meta-model example(s)`);
  }
}

export async function clearExamples(): Promise<void> {
  await clear(knowledge);
}
