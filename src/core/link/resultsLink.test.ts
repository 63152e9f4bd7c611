// Tests for resultsLink.ts: a results link gives back the record it was made from, exactly as an
// exported file would; a damaged, oversized or invalid link is refused with a message and never
// throws; a deflate bomb stops at the bound.
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { readStudyFile } from '../interop/studyFile';
import { studyRecordOf, type StudyRecord } from '../study/studyRecord';
import { syntheticStudy } from '../../testing/syntheticStudy';
import { decodeResults, isResultsLink, MAX_RESULTS_LINK_CHARS, resultsHash } from './resultsLink';

function record(numConfigs: number, pointsPerTrial: number): StudyRecord {
  const { study, curves } = syntheticStudy({ numConfigs, pointsPerTrial });
  curves[0][1] = { ...curves[0][1], loss: NaN }; // a diverged reading: NaN, null in JSON
  const probes = {
    0: { loss: 1.9, accuracy: 0.31, images: 256, sharpnessMean: 0.02, sharpnessMax: 0.05, samSharpness: 0.01 },
  };
  return studyRecordOf(
    'abc-1',
    study,
    {
      curves,
      probes: { 0: { ...probes[0], gradientNorm: 1.5, ms: 40 } },
      initGradientNorms: { 0: 3.5 },
      backend: 'wasm',
    },
    { createdAt: 1, updatedAt: 2 },
  );
}

async function hashOf(r: StudyRecord): Promise<string> {
  const h = await resultsHash(r);
  if (!h.ok) throw new Error(h.error);
  return h.hash;
}

/** A payload made by hand: any text, deflated as the lab deflates. */
async function deflatedHash(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `#r=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('results link', () => {
  const original = record(27, 120);

  it('gives back the record it was made from, as the exported file reads back', async () => {
    const hash = await hashOf(original);
    expect(isResultsLink(hash)).toBe(true);
    expect(hash).toMatch(/^#r=[A-Za-z0-9_-]+$/);
    const read = await decodeResults(hash);
    if (!read.ok) throw new Error(read.error);
    expect(read.record).toEqual(original);
    const file = readStudyFile(JSON.stringify(original));
    expect(file.ok && file.record).toEqual(read.record);
    expect(read.record.curves[0][1].loss).toBeNaN();
  });

  it('is refused for a study still running', async () => {
    const running = { ...original, state: { ...original.state, phase: 'running' as const } };
    expect(await resultsHash(running)).toEqual({ ok: false, error: expect.stringMatching(/still running/) });
    const read = await decodeResults(await deflatedHash(JSON.stringify(running)));
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^The results link was not opened: .*running/) });
  });

  it('is not made for a study too large for a link: the message says to share the file', async () => {
    const big = await resultsHash(record(81, 2000));
    expect(big.ok).toBe(false);
    expect(!big.ok && big.error).toMatch(/too large for a link .*at most 1,000,000\)\. Export it as a file/);
  });

  it('refuses damaged, oversized and invalid links with a message', async () => {
    const hash = await hashOf(original);
    const cases: [string, RegExp][] = [
      ['#r=', /it is empty/],
      ['#s=abc', /it holds no results/],
      [`#r=${'A'.repeat(MAX_RESULTS_LINK_CHARS + 1)}`, /it is too long \(1,000,001 characters/],
      ['#r=abc$def', /has characters a results link never contains/],
      [hash.slice(0, 41), /damaged or cut short|characters a results link never contains/],
      [hash.slice(0, Math.floor(hash.length / 2)), /damaged or cut short|cut short/],
      [await deflatedHash('{"v": 2, "id": '), /not valid JSON/],
      [
        await deflatedHash('[1, 2]'),
        /The results link's study is damaged and was not opened: it is not a study record/,
      ],
      [
        await deflatedHash(JSON.stringify({ ...original, v: 9 })),
        /The results link's study was written by a newer version of the lab \(study record version 9\)/,
      ],
      [
        await deflatedHash(
          JSON.stringify({
            ...original,
            state: {
              ...original.state,
              trials: original.state.trials.map((t, i) => (i === 3 ? { ...t, valAccuracy: 2 } : t)),
            },
          }),
        ),
        /damaged and was not opened: state\.trials\[3\]\.valAccuracy.*an accuracy between 0 and 1/,
      ],
      [await deflatedHash(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`), /nested more than 24 levels/],
    ];
    for (const [link, message] of cases) {
      const read = await decodeResults(link);
      expect(read.ok, link.slice(0, 60)).toBe(false);
      expect(!read.ok && read.error, link.slice(0, 60)).toMatch(message);
    }
  });

  it('stops a deflate bomb at the bound, in bounded time', async () => {
    const bomb = await deflatedHash(' '.repeat(20 * 2 ** 20)); // 20 MiB of spaces in a link of about 30 KB
    expect(bomb.length).toBeLessThan(MAX_RESULTS_LINK_CHARS);
    const t = performance.now();
    const read = await decodeResults(bomb);
    expect(read).toEqual({
      ok: false,
      error: 'The results link was not opened: its study is too large (over 16 MiB once decompressed).',
    });
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('never throws and never accepts what the file check would refuse, over 300 seeded corruptions', async () => {
    const hash = await hashOf(record(9, 40));
    const rng = createRng(30);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let accepted = 0;
    for (let i = 0; i < 300; i++) {
      const chars = hash.split('');
      if (i % 3 === 0) chars.length = 3 + rng.nextInt(chars.length - 3);
      else
        for (let k = 0; k < 1 + rng.nextInt(3); k++)
          chars[3 + rng.nextInt(chars.length - 3)] = alphabet[rng.nextInt(alphabet.length)];
      const read = await decodeResults(chars.join(''));
      if (read.ok) {
        accepted++;
        expect(readStudyFile(JSON.stringify(read.record)).ok).toBe(true);
      } else expect(read.error).toMatch(/^The results link('s study)? was not opened|^The results link's study/);
    }
    expect(accepted).toBeLessThan(300);
  });
});
