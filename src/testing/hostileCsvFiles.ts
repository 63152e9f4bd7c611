// CSV mutations for the hostile import-file corpus (./hostileFiles): out-of-domain and malformed
// cells, ragged rows, unterminated quotes, prototype-named columns, many columns and long cells,
// and the valid variants (BOM, CRLF, blank lines, unknown columns) that must still be accepted.
import type { Rng } from '../core/rng';
import type { FileKind } from './hostileFileSeeds';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)];

const CELLS = [
  '-1e308',
  '1e308',
  '1e309',
  'NaN',
  'nan',
  'inf',
  '-inf',
  'Infinity',
  '-1',
  '0',
  '1.5',
  '1e9',
  '5e-324',
  'abc',
  '0x10',
  '1,5',
  '"1,5"',
  '""',
  '"<script>window.__pwned=1</script>"',
  'True',
  'False',
  '[]',
  '{}',
  '__proto__',
  'A'.repeat(5000),
];

type Add = (label: string, text: string, ok?: boolean) => void;

export function csvMutations(kind: FileKind, text: string, rng: Rng, add: Add): void {
  const lines = text.replace(/\n$/, '').split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1);
  const csv = (ls: string[]) => ls.join('\n') + '\n';
  // Cells are split naively, so only rows without quoted commas are edited cell by cell.
  const simple = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.includes('"'));
  const editable = simple.length > 0 ? simple : rows.map((r, i) => ({ r, i }));
  const setCell = (column: number, value: string) => {
    const { r, i } = pick(rng, editable);
    const cells = r.split(',');
    cells[column] = value;
    const ls = [...lines];
    ls[i + 1] = cells.join(',');
    return csv(ls);
  };
  // 1. Valid variants.
  add('valid, as written', text, true);
  add('valid, with a byte-order mark', `\uFEFF${text}`, true);
  add('valid, CRLF', text.replace(/\n/g, '\r\n'), true);
  add('valid, blank lines at the end', `${text}\n\n  \n`, true);
  add('valid, no final newline', text.replace(/\n$/, ''), true);
  add('valid, an unknown column', csv([`${lines[0]},extra_note`, ...rows.map((r, i) => `${r},note ${i}`)]), true);
  add('valid, one row', csv(lines.slice(0, 2)), true);
  // 2. Hostile cells in every parameter, value and state column.
  const columns = header
    .map((h, i) => ({ h, i }))
    .filter(({ h }) =>
      /^(params_)?(channels|dropout|learningRate|momentum|weightDecay|batchSize|epochs|optimizer|augment)$|^(value|valAccuracy|state|number)$/.test(
        h,
      ),
    );
  for (const { h, i } of columns)
    for (const cell of CELLS.filter(() => rng.next() < 0.35)) add(`${h} = ${cell.slice(0, 24)}`, setCell(i, cell));
  for (let k = 0; k < 20; k++) {
    const i = rng.nextInt(header.length);
    const cell = pick(rng, CELLS);
    add(`${header[i] || 'index'} = ${cell.slice(0, 24)}`, setCell(i, cell));
  }
  // 3. Broken structure.
  for (let k = 0; k < 4; k++) {
    const { r, i } = pick(rng, editable);
    const ls = [...lines];
    ls[i + 1] = k % 2 === 0 ? `${r},extra` : r.split(',').slice(0, -1).join(',');
    add(`row ${i + 2} ${k % 2 === 0 ? 'with a cell too many' : 'a cell short'}`, csv(ls));
  }
  add('an unterminated quote', csv([lines[0], `${rows[0]},"open`, ...rows.slice(1)]));
  add('a quote inside a cell', setCell(1, 'ab"cd'));
  add('header only', `${lines[0]}\n`);
  add('empty', '');
  add('only a byte-order mark', '\uFEFF');
  add('no value column', csv(lines.map((l) => l.replace(/(^|,)(value|valAccuracy)(,|$)/, '$1other$3'))));
  add('a __proto__ column', csv([`${lines[0]},__proto__,params___proto__`, ...rows.map((r) => `${r},1,{}`)]));
  add('a constructor column', csv([`${lines[0]},constructor,params_constructor`, ...rows.map((r) => `${r},1,2`)]));
  add('300 columns', csv([lines[0] + ',c'.repeat(300), ...rows.map((r) => r + ',1'.repeat(300))]));
  add('a cell of 2 MiB', csv([lines[0], `${rows[0]}`.replace(/,[^,]*$/, `,${'x'.repeat(2 ** 21)}`)]));
  add('a quoted cell of 2 MiB of quotes', csv([lines[0], `0,"${'"'.repeat(2 ** 21)}`]));
  add('NUL bytes', text.replace(/,/g, ',\u0000'));
  add('binary bytes', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)));
  add('truncated in the middle', text.slice(0, Math.floor(text.length / 2)));
  add('semicolons for commas', text.replace(/,/g, ';'));
  add('1,000 blank lines', `${lines[0]}\n${'\n'.repeat(1000)}`);
  add('only commas', ','.repeat(200));
  add(`${kind} with every value empty`, csv([lines[0], ...rows.map((r) => r.replace(/[^,]/g, ''))]));
}
