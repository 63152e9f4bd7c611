// Size limits on an imported file, checked by one linear scan before any parser runs, so that no
// file (a quote bomb, a million nested brackets, a cell of megabytes) costs more than a pass over
// its text: JSON's nesting depth and longest string; CSV's rows, columns, cells and longest cell.

export interface JsonLimits {
  maxDepth: number;
  maxStringChars: number;
}

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
  maxCells: number;
  maxCellChars: number;
}

/** Nesting deeper than any file this lab writes (a record is about 7 deep) is not one of its files. */
export const JSON_LIMITS: JsonLimits = { maxDepth: 24, maxStringChars: 65_536 };
/** Optuna's user_attrs hold rung details with curves of 256 points: about 20 KB a cell. */
export const CSV_LIMITS: CsvLimits = { maxRows: 100_001, maxColumns: 256, maxCells: 4_000_000, maxCellChars: 1 << 20 };

const BOM = 0xfeff;
export const withoutBom = (text: string) => (text.charCodeAt(0) === BOM ? text.slice(1) : text);

/** What breaks the JSON limits, in a sentence, or null. Strings are skipped with their escapes. */
export function jsonLimitProblem(text: string, limits: JsonLimits = JSON_LIMITS): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
        if (i - start > limits.maxStringChars)
          return `it holds a string longer than ${limits.maxStringChars} characters (at character ${start})`;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limits.maxDepth) return `it is nested more than ${limits.maxDepth} levels deep (at character ${i})`;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** What breaks the CSV limits (RFC 4180 quoting, as papaparse reads it), in a sentence, or null. */
export function csvLimitProblem(text: string, limits: CsvLimits = CSV_LIMITS): string | null {
  let rows = 0,
    columns = 0,
    cells = 0,
    cell = 0,
    quoted = false,
    atCellStart = true;
  const endCell = (): string | null => {
    cells++;
    columns++;
    cell = 0;
    atCellStart = true;
    if (columns > limits.maxColumns) return `row ${rows + 1} has more than ${limits.maxColumns} columns`;
    if (cells > limits.maxCells) return `it has more than ${limits.maxCells} cells`;
    return null;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 0x22) {
        if (text.charCodeAt(i + 1) === 0x22) i++;
        else quoted = false;
      }
      cell++;
    } else if (c === 0x2c /* , */) {
      const p = endCell();
      if (p) return p;
    } else if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      const p = endCell();
      if (p) return p;
      columns = 0;
      if (++rows > limits.maxRows) return `it has more than ${limits.maxRows} rows`;
    } else {
      if (c === 0x22 && atCellStart) quoted = true;
      atCellStart = false;
      cell++;
    }
    if (cell > limits.maxCellChars) return `row ${rows + 1} has a cell longer than ${limits.maxCellChars} characters`;
  }
  if (quoted) return `the CSV is malformed at row ${rows + 1} (a quoted cell never closes)`;
  return null;
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

/** The file's JSON, a byte-order mark dropped, after the size limits; the error says which was broken. */
export function readJsonBounded(text: string, maxChars: number, what = 'the file'): JsonRead {
  if (text.length > maxChars)
    return {
      ok: false,
      error: `${what} is ${(text.length / 2 ** 20).toFixed(1)} MiB, more than the ${(maxChars / 2 ** 20).toFixed(0)} MiB it may have`,
    };
  const body = withoutBom(text);
  const problem = jsonLimitProblem(body);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, error: `${what} is not valid JSON (truncated or corrupt)` };
  }
}
