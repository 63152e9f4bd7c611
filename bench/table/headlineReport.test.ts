// The headline run's report: a `npm run train --json` file read back epoch by epoch, refused when
// malformed, and printed only while it trains the table's best configuration.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXED, type TrialConfig } from '../../src/core/searchSpace/searchSpace';
import {
  formatHeadline,
  formatOtherRun,
  OTHER_RUN_FILE,
  parseHeadline,
  sameConfiguration,
  type HeadlineRun,
} from './headlineReport';

const best: TrialConfig = { ...DEFAULT_FIXED, channels: 64, learningRate: 8e-4, epochs: 4 };
const curve = Array.from({ length: 12 }, (_, i) => ({
  epoch: i + 1,
  seconds: 900 * (i + 1),
  trainLoss: 1,
  valAccuracy: 0.5 + i / 100,
  valLoss: 1,
  testAccuracy: 0.49 + i / 100,
}));
const file = JSON.stringify({ config: { ...best, epochs: 30 }, images: 45000, backend: 'wasm', curve });

describe('headline report', () => {
  it('reads a train --json file and prints every epoch it holds, ten to a line', () => {
    const run = parseHeadline(file) as HeadlineRun;
    const lines = formatHeadline(run, { configId: 'c04', config: best }, 30, 'h.json');
    expect(lines[0]).toBe(
      'Headline run: c04 on 45000 images, 12 of 30 epochs (3.0 h of training). Validation / test (%, test report-only) after each epoch:',
    );
    expect(lines[1].split('  ')).toHaveLength(10);
    expect(lines[2]).toBe('11: 60.0/59.0  12: 61.0/60.0');
    expect(lines.at(-1)).toContain('resumes');
    const finished = { ...run, curve: Array.from({ length: 30 }, (_, i) => ({ ...curve[0], epoch: i + 1 })) };
    expect(formatHeadline(finished, { configId: 'c04', config: best }, 30, 'h.json').at(-1)).not.toContain('resumes');
  });

  it('says so when the file trains another configuration than the best', () => {
    const run = parseHeadline(file) as HeadlineRun;
    const other = { ...best, learningRate: 6.7e-4 };
    expect(sameConfiguration(run.config, best)).toBe(true);
    expect(sameConfiguration(run.config, other)).toBe(false);
    const lines = formatHeadline(run, { configId: 'c28', config: other }, 30, 'h.json');
    expect(lines).toEqual([
      'h.json trains another configuration than the best by validation (c28): rename it and its .ckpt to headline-<configId>.*, then run the headline command above.',
    ]);
  });

  it('names the table configuration another run trains, with the command that resumes it', () => {
    const run = parseHeadline(file) as HeadlineRun;
    const table = [
      { configId: 'c28', config: { ...best, learningRate: 6.7e-4 } },
      { configId: 'c04', config: best },
    ];
    const lines = formatOtherRun(run, table, 30, 'headline-c04.json', 'npm run train -- …');
    expect(lines[0]).toBe(
      'Another run (headline-c04.json, not the best by validation): c04 on 45000 images, 12 of 30 epochs (3.0 h of training). Validation / test (%, test report-only) after each epoch:',
    );
    expect(lines[2]).toBe('11: 60.0/59.0  12: 61.0/60.0');
    expect(lines.at(-1)).toBe('It resumes with: npm run train -- …');
    expect(formatOtherRun(run, table.slice(0, 1), 30, 'x.json', '')).toEqual([
      'x.json trains a configuration that is not in the table.',
    ]);
    expect(['headline-c04.json', 'headline-c123.json'].every((n) => OTHER_RUN_FILE.test(n))).toBe(true);
    expect(['headline.json', 'headline-c04.ckpt', 'headline-c04.json.tmp'].some((n) => OTHER_RUN_FILE.test(n))).toBe(
      false,
    );
  });

  it('refuses a file that is not JSON or not a train report, with a message', () => {
    expect(parseHeadline('{"config":')).toMatch(/^is not JSON/);
    expect(parseHeadline('{"config":{},"curve":[{"epoch":1}]}')).toMatch(/not a `npm run train --json` report/);
    expect(parseHeadline('null')).toMatch(/not a `npm run train --json` report/);
  });
});
