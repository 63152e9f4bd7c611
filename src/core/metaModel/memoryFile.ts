// The meta-model's memory as a file, so examples can move between browsers and machines:
// `{ kind: 'llp-meta-examples', v: 1, examples: [...] }`. Reading a file is pure, size-bounded and
// never throws; every example passes memory.ts's schema, and the bad ones are counted, not kept.
import { describeValue } from '../study/studySchema';
import { checkExamples, type MetaExample } from './memory';
import { jsonLimitProblem, withoutBom } from '../interop/textLimits';

export const MEMORY_FILE_KIND = 'llp-meta-examples';
/** About 100,000 examples of a few hundred bytes; a bigger file is not one this lab wrote. */
export const MAX_MEMORY_FILE_CHARS = 50_000_000;
const MAX_EXAMPLES = 100_000;

export type MemoryFile =
  { ok: true; examples: MetaExample[]; damaged: number; firstProblem?: string } | { ok: false; error: string };

/** JSON has no NaN or Infinity: missing summaries and probes are written as null (the schema reads null back as missing). */
export function memoryFileText(examples: readonly MetaExample[]): string {
  return JSON.stringify({ kind: MEMORY_FILE_KIND, v: 1, examples }, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? null : v,
  );
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A file's text to checked examples, or a sentence saying why it holds none. */
export function parseMemoryFile(text: string): MemoryFile {
  if (text.length > MAX_MEMORY_FILE_CHARS)
    return {
      ok: false,
      error: `The file is larger than ${MAX_MEMORY_FILE_CHARS / 1e6} MB, so it is not a meta-model examples export.`,
    };
  const body = withoutBom(text);
  const limit = jsonLimitProblem(body);
  if (limit) return { ok: false, error: `The file was not imported: ${limit}.` };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: 'The file is not JSON, so it holds no meta-model examples.' };
  }
  if (!isRecord(value) || value.kind !== MEMORY_FILE_KIND) {
    return {
      ok: false,
      error: `The file is JSON but not a meta-model examples export (expected kind '${MEMORY_FILE_KIND}'). Studies are imported under Saved studies.`,
    };
  }
  if (value.v !== 1)
    return {
      ok: false,
      error: `The examples file has a version this lab cannot read (expected v 1, got ${describeValue(value.v)}).`,
    };
  if (!Array.isArray(value.examples)) return { ok: false, error: 'The examples file has no list of examples.' };
  if (value.examples.length > MAX_EXAMPLES)
    return {
      ok: false,
      error: `The examples file lists ${value.examples.length} examples; at most ${MAX_EXAMPLES} can be imported.`,
    };
  return { ok: true, ...checkExamples(value.examples) };
}

/** What an import did, in one sentence. */
export function importSummary(file: MemoryFile): string {
  if (!file.ok) return file.error;
  const n = file.examples.length;
  const added = `Imported ${n} example${n === 1 ? '' : 's'}`;
  return file.damaged === 0
    ? `${added}.`
    : `${added}; ${file.damaged} damaged example${file.damaged === 1 ? ' was' : 's were'} skipped${file.firstProblem ? ` (the first: ${file.firstProblem})` : ''}.`;
}
