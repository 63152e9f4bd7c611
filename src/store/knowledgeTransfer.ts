// The meta-model's memory to and from a file (../core/metaModel/examplesFile): export what this
// browser learned, import what another learned. Imported examples go through rememberExamples, so
// they are merged by key and stored like a study's own.
import { examplesFileText, importSummary, parseExamplesFile } from '../core/metaModel/examplesFile';
import { knowledgeExamples, rememberExamples } from './knowledge';
import { download } from './persistence';

/** Downloads every example the lab knows as `{ kind: 'llp-meta-examples', v: 1, examples }`. */
export async function exportKnowledge(): Promise<void> {
  const examples = await knowledgeExamples();
  download(`llp-meta-examples-${examples.length}.json`, examplesFileText(examples), 'application/json');
}

/** Adds a file's valid examples to the memory; returns what happened, in a sentence for the page. */
export async function importKnowledge(text: string): Promise<string> {
  const file = parseExamplesFile(text);
  if (file.ok && file.examples.length > 0) await rememberExamples(file.examples);
  return importSummary(file);
}
