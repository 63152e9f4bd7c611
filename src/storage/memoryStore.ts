// The meta-model's memory across studies (../core/metaModel/memory) in IndexedDB, one record per
// example under `example:v1:<key>`, so adding a study's examples never rewrites the others.
// Values are checked by the caller (they may be damaged); failures come back as messages.
import { clear, createStore, entries, setMany } from 'idb-keyval';
import { exampleKey, type MetaExample } from '../core/metaModel/memory';
import { storageMessage } from './studyStore';

// The database's name predates the word "memory"; it stays, so browsers keep what they learned.
const MEMORY_DATABASE = 'llp-knowledge';
const store = createStore(MEMORY_DATABASE, 'examples');
const PREFIX = 'example:v1:';

/** Every stored value, unchecked. */
export async function readExampleValues(): Promise<unknown[]> {
  const all = await entries(store);
  return all.filter(([k]) => typeof k === 'string' && k.startsWith(PREFIX)).map(([, v]) => v);
}

/** Adds (or replaces, by key) examples; null on success, else a message for the page. */
export async function saveExamples(examples: readonly MetaExample[]): Promise<string | null> {
  try {
    await setMany(
      examples.map((e) => [`${PREFIX}${exampleKey(e)}`, e]),
      store,
    );
    return null;
  } catch (e) {
    return storageMessage(e, `${examples.length} meta-model example(s)`);
  }
}

export async function clearExamples(): Promise<void> {
  await clear(store);
}
