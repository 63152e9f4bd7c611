// The meta-model's memory for headless runs: the page's export format (core/metaModel/memoryFile)
// in a file, so `npm run study` and `npm run bench:search` can warm-start from a browser's examples
// and the other way round.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { memoryFileText, parseMemoryFile } from '../core/metaModel/memoryFile';
import { mergeExamples, type MetaExample } from '../core/metaModel/memory';

/** The examples in `path`; none if it does not exist yet. Exits with a message when it is not a memory file. */
export function readMemoryFile(path: string | undefined, log: (line: string) => void): MetaExample[] {
  if (!path || !existsSync(path)) return [];
  const file = parseMemoryFile(readFileSync(path, 'utf8'));
  if (!file.ok) {
    console.error(`${path}: ${file.error}`);
    process.exit(2);
  }
  log(
    `[memory] ${file.examples.length} example(s) from ${path}${file.damaged ? ` (${file.damaged} damaged, skipped)` : ''}`,
  );
  return file.examples;
}

/** Adds `added` to the examples already in `path` (same key: the new one wins) and writes the file. */
export function appendMemoryFile(
  path: string,
  existing: readonly MetaExample[],
  added: readonly MetaExample[],
  log: (line: string) => void,
): void {
  const merged = mergeExamples(existing, added);
  writeFileSync(path, memoryFileText(merged));
  log(`[memory] wrote ${merged.length} example(s) (${added.length} from this run) to ${path}`);
}
