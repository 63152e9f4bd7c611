// The hostile import-file corpus (../testing/hostileFiles, about 2,000 files of every kind) through
// the page's import functions and what the page does next (../testing/hostileImportRun): 0 escaping
// throws, 0 hangs over 2 s, 0 out-of-domain accepts by an independent oracle, 0 accepted-then-lost,
// 0 unsaveable accepts, no prototype pollution, every valid variant accepted; and through the
// store's import actions, a refused file leaves the store as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../testing/hostileFileSeeds';
import { hostileFiles, largeHostileFiles } from '../testing/hostileFiles';
import { polluted, runImport, UNSAFE_MESSAGE, type ImportOutcome } from '../testing/hostileImportRun';
import { labStore } from './labStore';
import { importExternalResults, importStudyJson } from './persistence';
import { importMemory } from './memoryTransfer';

const HANG_MS = 2000;

describe('the hostile import-file corpus in Node', () => {
  const corpus = [...hostileFiles(), ...largeHostileFiles()];
  let outcomes: ImportOutcome[] = [];

  beforeAll(() => {
    outcomes = corpus.map(runImport);
  }, 600_000);

  it('has at least 1,500 files, of every kind, with valid variants of each', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    for (const kind of FILE_KINDS) {
      expect(corpus.filter((f) => f.kind === kind).length, kind).toBeGreaterThan(100);
      expect(corpus.filter((f) => f.kind === kind && f.mustAccept).length, kind).toBeGreaterThanOrEqual(6);
    }
    // The same seed gives the same corpus.
    expect(hostileFiles().map((f) => f.text)).toEqual(hostileFiles().map((f) => f.text));
  });

  it('0 throws, 0 hangs, 0 out-of-domain accepts, 0 lost, 0 unsaveable, no pollution', () => {
    const show = (o: ImportOutcome, why: string | null) => `${o.file.label}: ${why}`;
    const count = (p: (o: ImportOutcome) => boolean) => outcomes.filter(p).length;
    console.log(
      `[hostile imports, Node] ${outcomes.length} files: ${count((o) => o.threw !== null)} throws, ` +
        `${count((o) => o.importMs > HANG_MS || o.downstreamMs > HANG_MS)} hangs, ` +
        `${count((o) => o.accepted && o.outOfDomain.length > 0)} out-of-domain accepts, ${count((o) => o.lost !== null)} lost, ` +
        `${count((o) => o.unsaveable !== null)} unsaveable; accepted ${count((o) => o.accepted)}, refused ${count((o) => !o.accepted)}`,
    );
    expect(outcomes.filter((o) => o.threw).map((o) => show(o, o.threw))).toEqual([]);
    expect(
      outcomes
        .filter((o) => o.importMs > HANG_MS || o.downstreamMs > HANG_MS)
        .map((o) => show(o, `${o.importMs.toFixed(0)} + ${o.downstreamMs.toFixed(0)} ms`)),
    ).toEqual([]);
    expect(
      outcomes.filter((o) => o.accepted && o.outOfDomain.length > 0).map((o) => show(o, o.outOfDomain.join('; '))),
    ).toEqual([]);
    expect(outcomes.filter((o) => o.lost).map((o) => show(o, o.lost))).toEqual([]);
    expect(outcomes.filter((o) => o.unsaveable).map((o) => show(o, o.unsaveable))).toEqual([]);
    expect(polluted()).toBe(false);
  });

  it('accepts every valid variant, and refuses the rest with a message that says what was wrong', () => {
    expect(
      outcomes.filter((o) => o.file.mustAccept && !o.accepted).map((o) => `${o.file.label}: ${o.message}`),
    ).toEqual([]);
    const refused = outcomes.filter((o) => !o.accepted);
    expect(refused.length).toBeGreaterThan(1000);
    expect(
      refused.filter((o) => o.message.length < 20 || o.message.length > 800 || UNSAFE_MESSAGE.test(o.message)),
    ).toEqual([]);
    // A mutated number is refused with its field and the value received.
    const named = refused.filter((o) => /= -1e308$/.test(o.file.label) && !o.file.label.includes('.v ='));
    expect(named.length).toBeGreaterThan(20);
    for (const o of named) expect(o.message, o.file.label).toMatch(/(got|Too|expected|version)/);
  });

  it("refused files leave the store as it was, through the store's own import actions", async () => {
    const before = labStore.getState();
    const sample = outcomes
      .filter((o) => !o.accepted && !o.message.startsWith('partly') && o.file.text.length < 1e6)
      .filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThan(100);
    for (const o of sample) {
      const text = o.file.text;
      const message = o.file.kind.startsWith('study')
        ? await importStudyJson(text)
        : o.file.kind === 'memory'
          ? await importMemory(text)
          : await importExternalResults(text);
      expect(message, o.file.label).toBeTruthy();
      expect(labStore.getState(), o.file.label).toBe(before);
    }
  }, 120_000);
});
