// The 30-epoch headline run as `bench:table --report` shows it: validation and report-only test
// accuracy per epoch from the file `npm run train --json` rewrites after every epoch, and whether
// that file still trains the table's best configuration by validation. Runs of other table
// configurations kept beside it (headline-<configId>.json) are shown too, labelled as such.
import type { TrialConfig } from '../../src/core/searchSpace/searchSpace';

export const HEADLINE_EPOCHS = 30;
/** Relative to the repository root, where npm runs the benches and `npm run train`. */
export const HEADLINE_FILE = 'bench/table/headline.json';
/** Another configuration's run of the same length, kept when the best changed as the table grew. */
export const OTHER_RUN_FILE = /^headline-c\d+\.json$/;

export interface HeadlineEpoch {
  epoch: number;
  seconds: number;
  valAccuracy: number;
  testAccuracy: number;
}

export interface HeadlineRun {
  config: TrialConfig;
  images: number;
  curve: HeadlineEpoch[];
}

/** A headline file's run, or a message saying why it cannot be read as one. */
export function parseHeadline(text: string): HeadlineRun | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `is not JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  const run = value as Partial<HeadlineRun> | null;
  const epochOk = (e: Partial<HeadlineEpoch>) =>
    Number.isInteger(e.epoch) && [e.seconds, e.valAccuracy, e.testAccuracy].every(Number.isFinite);
  if (!run || typeof run.config !== 'object' || !Array.isArray(run.curve) || !run.curve.every(epochOk))
    return 'is not a `npm run train --json` report (config, images and a curve of epochs)';
  return run as HeadlineRun;
}

/** The same configuration, whatever epoch count each was trained for. */
export function sameConfiguration(a: TrialConfig, b: TrialConfig): boolean {
  const { epochs: _a, ...ra } = a;
  const { epochs: _b, ...rb } = b;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
  return keys.every((k) => (ra as Record<string, unknown>)[k] === (rb as Record<string, unknown>)[k]);
}

const pct = (v: number) => (100 * v).toFixed(1);

/** The run's epochs, ten to a line, under `title`; `resume` ends an unfinished run. */
function epochLines(title: string, run: HeadlineRun, epochs: number, resume: string): string[] {
  const done = run.curve.length;
  const last = run.curve[done - 1];
  const lines = [
    `${title} on ${run.images} images, ${done} of ${epochs} epochs` +
      (last ? ` (${(last.seconds / 3600).toFixed(1)} h of training)` : '') +
      '. Validation / test (%, test report-only) after each epoch:',
  ];
  for (let i = 0; i < done; i += 10)
    lines.push(
      run.curve
        .slice(i, i + 10)
        .map((e) => `${String(e.epoch).padStart(2)}: ${pct(e.valAccuracy)}/${pct(e.testAccuracy)}`)
        .join('  '),
    );
  if (done < epochs) lines.push(resume);
  return lines;
}

/** Report lines for the headline run against the table's best (by validation) configuration. */
export function formatHeadline(
  run: HeadlineRun,
  best: { configId: string; config: TrialConfig },
  epochs: number,
  file: string,
): string[] {
  if (!sameConfiguration(run.config, best.config))
    return [
      `${file} trains another configuration than the best by validation (${best.configId}): ` +
        'rename it and its .ckpt to headline-<configId>.*, then run the headline command above.',
    ];
  return epochLines(
    `Headline run: ${best.configId}`,
    run,
    epochs,
    'It resumes from its checkpoint with the headline command above.',
  );
}

/**
 * Report lines for a run of another table configuration (not the best by validation), named by
 * the configuration it trains; `command` resumes it.
 */
export function formatOtherRun(
  run: HeadlineRun,
  configurations: readonly { configId: string; config: TrialConfig }[],
  epochs: number,
  file: string,
  command: string,
): string[] {
  const match = configurations.find((c) => sameConfiguration(run.config, c.config));
  if (!match) return [`${file} trains a configuration that is not in the table.`];
  return epochLines(
    `Another run (${file}, not the best by validation): ${match.configId}`,
    run,
    epochs,
    `It resumes with: ${command}`,
  );
}
