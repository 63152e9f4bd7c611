// The meta-model's memory to and from a file (../core/metaModel/memoryFile): export what this
// browser learned, import what another learned. Imported examples go through rememberExamples, so
// they are merged by key and stored like a study's own.
import { memoryFileText, importSummary, parseMemoryFile } from '../core/metaModel/memoryFile';
import { memoryExamples, rememberExamples } from './memory';
import { download } from './persistence';

/** Downloads every example the lab knows as `{ kind: 'llp-meta-examples', v: 1, examples }`. */
export async function exportMemory(): Promise<void> {
  const examples = await memoryExamples();
  download(`llp-meta-examples-${examples.length}.json`, memoryFileText(examples), 'application/json');
}

/** Adds a file's valid examples to the memory; returns what happened, in a sentence for the page. */
export async function importMemory(text: string): Promise<string> {
  const file = parseMemoryFile(text);
  if (file.ok && file.examples.length > 0) await rememberExamples(file.examples);
  return importSummary(file);
}
