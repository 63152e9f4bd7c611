// The flags of `npm run study`, parsed and validated before anything loads: every bad value gets a
// message naming the flag and what it takes (the caller exits with code 2), and --help prints the
// usage. Pure: no I/O, so tests read the messages directly.
import { parseArgs } from 'node:util';
import { findPreset, PRESETS } from '../core/study/presets';
import { quoteInput } from '../core/study/studySchema';
import type { PromotionRule, ResourceKind, SchedulerKind, StudyDefinition } from '../core/study/studyDefinition';
import type { SamplerKind } from '../core/samplers/index';

export const NODE_BACKEND_FLAGS = ['webgpu', 'wasm', 'cpu'] as const;

export const STUDY_USAGE = `Usage: npm run study -- [flags]

Runs a study headless in Node worker_threads on real CIFAR-10 and prints the ranking.

  --preset ID           ${PRESETS.map((p) => p.id).join(', ')} (default smoke)
  --workers N           worker threads, 1 to 64 (default: cores, at most the configurations)
  --seed S              study seed, a whole number 0 to 4294967295
  --backend B           ${NODE_BACKEND_FLAGS.join(', ')}
  --scheduler K         successiveHalving, hyperband, asha, twoStep
  --resource R          dataFraction, epochs, both
  --sampler S           random, halton, grid
  --epochs N            epochs at full fidelity, 1 to 1000
  --images N            training images at full fidelity, 1 to 49990
  --promotion P         accuracy, metaModel
  --kappa K             meta-model optimism, 0 to 5
  --min-examples N      meta-model examples needed, 3 to 1000
  --probes              tier-2 probes after every trial
  --memory FILE         the meta-model's memory to read (the page's export format)
  --save-memory FILE    add this study's full-fidelity examples to FILE
                        (--knowledge and --save-knowledge are older names for these two)
  --json FILE           write the ranking and trials as JSON
  --yes                 run a study estimated to take more than two hours without asking
  --help, -h            this text

Exit codes: 0 done, 1 the trainer failed, 2 bad flags or a study this machine cannot run.`;

export interface StudyArgs {
  definition: StudyDefinition;
  presetId: string;
  workers: number | null;
  backend: (typeof NODE_BACKEND_FLAGS)[number] | undefined;
  probes: boolean;
  json: string | undefined;
  memory: string | undefined;
  saveMemory: string | undefined;
  yes: boolean;
}

export type ParsedStudyArgs = { kind: 'run'; args: StudyArgs } | { kind: 'help' } | { kind: 'error'; message: string };

// Node's own messages quote the raw flag: keep control and bidi characters out of the terminal.
const clean = (s: string) =>
  s.replace(/\s*\n\s*/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');

function wholeNumber(
  flag: string,
  raw: string | undefined,
  lo: number,
  hi: number,
  problems: string[],
): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw.trim() !== '' && Number.isInteger(x) && x >= lo && x <= hi) return x;
  problems.push(`Expected --${flag} to be a whole number between ${lo} and ${hi}, but got ${quoteInput(raw)}`);
  return undefined;
}

function number(flag: string, raw: string | undefined, lo: number, hi: number, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(x) && x >= lo && x <= hi) return x;
  problems.push(`Expected --${flag} to be a number between ${lo} and ${hi}, but got ${quoteInput(raw)}`);
  return undefined;
}

function oneOf<T extends string>(
  flag: string,
  raw: string | undefined,
  values: readonly T[],
  problems: string[],
): T | undefined {
  if (raw === undefined) return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  problems.push(`Expected --${flag} to be one of ${values.join(', ')}, but got ${quoteInput(raw)}`);
  return undefined;
}

function path(flag: string, raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() !== '' && !/[\u0000-\u001f]/.test(raw)) return raw;
  problems.push(`Expected --${flag} to be a file path, but got ${quoteInput(raw)}`);
  return undefined;
}

/** --promotion, --kappa and --min-examples as a patch of the study's scheduler (bench:search reads them too). */
export function promotionFlags(
  values: { promotion?: string; kappa?: string; 'min-examples'?: string },
  problems: string[],
): Partial<StudyDefinition['scheduler']> {
  const promotion = oneOf<PromotionRule>('promotion', values.promotion, ['accuracy', 'metaModel'], problems);
  const kappa = number('kappa', values.kappa, 0, 5, problems);
  const minExamples = wholeNumber('min-examples', values['min-examples'], 3, 1000, problems);
  return {
    ...(promotion ? { promotion } : {}),
    ...(kappa !== undefined ? { ucbKappa: kappa } : {}),
    ...(minExamples !== undefined ? { minExamples } : {}),
  };
}

export function parseStudyArgs(argv: readonly string[]): ParsedStudyArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        preset: { type: 'string' },
        workers: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        backend: { type: 'string' },
        scheduler: { type: 'string' },
        resource: { type: 'string' },
        sampler: { type: 'string' },
        probes: { type: 'boolean' },
        epochs: { type: 'string' },
        images: { type: 'string' },
        promotion: { type: 'string' },
        kappa: { type: 'string' },
        'min-examples': { type: 'string' },
        memory: { type: 'string' },
        'save-memory': { type: 'string' },
        // Older names of the two above, so commands written for them keep working.
        knowledge: { type: 'string' },
        'save-knowledge': { type: 'string' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return {
      kind: 'error',
      message: `${clean(e instanceof Error ? e.message : String(e))} Run with --help for the flags.`,
    };
  }
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  const presetId = values.preset ?? 'smoke';
  const preset = findPreset(presetId);
  if (!preset)
    problems.push(
      `Expected --preset to be one of ${PRESETS.map((p) => p.id).join(', ')}, but got ${quoteInput(presetId)}`,
    );
  const workers = wholeNumber('workers', values.workers, 1, 64, problems);
  const seed = wholeNumber('seed', values.seed, 0, 4294967295, problems);
  const epochs = wholeNumber('epochs', values.epochs, 1, 1000, problems);
  const images = wholeNumber('images', values.images, 1, 49990, problems);
  const backend = oneOf('backend', values.backend, NODE_BACKEND_FLAGS, problems);
  const scheduler = oneOf<SchedulerKind>(
    'scheduler',
    values.scheduler,
    ['successiveHalving', 'hyperband', 'asha', 'twoStep'],
    problems,
  );
  const resource = oneOf<ResourceKind>('resource', values.resource, ['dataFraction', 'epochs', 'both'], problems);
  const sampler = oneOf<SamplerKind>('sampler', values.sampler, ['random', 'halton', 'grid'], problems);
  const promotion = promotionFlags(values, problems);
  const json = path('json', values.json, problems);
  const memory = path('memory', values.memory ?? values.knowledge, problems);
  const saveMemory = path('save-memory', values['save-memory'] ?? values['save-knowledge'], problems);
  if (problems.length > 0 || !preset) return { kind: 'error', message: problems.join('\n') };

  const base = preset.study;
  const definition: StudyDefinition = {
    ...base,
    seed: seed ?? base.seed,
    sampler: sampler ?? base.sampler,
    fixed: epochs !== undefined ? { ...base.fixed, epochs } : base.fixed,
    data: images !== undefined ? { ...base.data, maxTrainImages: images } : base.data,
    scheduler: {
      ...base.scheduler,
      kind: scheduler ?? base.scheduler.kind,
      resource: resource ?? base.scheduler.resource,
      ...promotion,
    },
  };
  return {
    kind: 'run',
    args: {
      definition,
      presetId,
      workers: workers ?? null,
      backend,
      probes: values.probes ?? false,
      json,
      memory,
      saveMemory,
      yes: values.yes ?? false,
    },
  };
}
