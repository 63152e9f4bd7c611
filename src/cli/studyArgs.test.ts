// Tests for studyArgs.ts and the study entry: every flag validated with a message naming it, --help,
// and exit code 2 from the real command before anything loads (`--workers abc` used to throw
// from createPool), including a study this machine cannot run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../core/study/presets';
import { parseStudyArgs, STUDY_USAGE } from './studyArgs';

const error = (argv: string[]) => {
  const r = parseStudyArgs(argv);
  return r.kind === 'error' ? r.message : `not an error: ${r.kind}`;
};

describe('parseStudyArgs', () => {
  it('reads the memory files from --memory and --save-memory, and from their older names', () => {
    const files = (argv: string[]) => {
      const r = parseStudyArgs(argv);
      return r.kind === 'run' ? [r.args.memory, r.args.saveMemory] : r;
    };
    expect(files(['--memory', 'a.json', '--save-memory', 'b.json'])).toEqual(['a.json', 'b.json']);
    expect(files(['--knowledge', 'a.json', '--save-knowledge', 'b.json'])).toEqual(['a.json', 'b.json']);
    expect(files([])).toEqual([undefined, undefined]);
  });

  it('builds the definition from a preset and the overrides', () => {
    const r = parseStudyArgs([
      '--preset',
      'tiny',
      '--seed',
      '7',
      '--epochs',
      '2',
      '--images',
      '512',
      '--scheduler',
      'hyperband',
      '--sampler',
      'halton',
      '--workers',
      '3',
      '--yes',
    ]);
    expect(r.kind).toBe('run');
    if (r.kind !== 'run') return;
    const tiny = findPreset('tiny')!.study;
    expect(r.args.definition).toEqual({
      ...tiny,
      seed: 7,
      sampler: 'halton',
      fixed: { ...tiny.fixed, epochs: 2 },
      data: { ...tiny.data, maxTrainImages: 512 },
      scheduler: { ...tiny.scheduler, kind: 'hyperband' },
    });
    expect(r.args).toMatchObject({ workers: 3, yes: true, probes: false, backend: undefined });
    expect(parseStudyArgs([])).toMatchObject({ kind: 'run', args: { presetId: 'smoke', workers: null } });
  });

  it('names the flag, what it takes and what it got, for every flag with a value', () => {
    expect(error(['--workers', 'abc'])).toBe('Expected --workers to be a whole number between 1 and 64, but got "abc"');
    expect(error(['--workers', '0'])).toBe('Expected --workers to be a whole number between 1 and 64, but got "0"');
    expect(error(['--workers', '2.5'])).toContain('--workers');
    expect(error(['--seed=-1'])).toContain('Expected --seed to be a whole number between 0 and 4294967295');
    expect(error(['--epochs', '1e9'])).toContain('Expected --epochs to be a whole number between 1 and 1000');
    expect(error(['--images', ''])).toContain('Expected --images to be a whole number between 1 and 49990, but got ""');
    expect(error(['--min-examples', '2'])).toContain('--min-examples');
    expect(error(['--kappa', 'NaN'])).toBe('Expected --kappa to be a number between 0 and 5, but got "NaN"');
    expect(error(['--backend', 'webgl'])).toBe('Expected --backend to be one of webgpu, wasm, cpu, but got "webgl"');
    expect(error(['--scheduler', 'bohb'])).toContain(
      'Expected --scheduler to be one of successiveHalving, hyperband, asha, twoStep',
    );
    expect(error(['--resource', 'time'])).toContain('--resource');
    expect(error(['--sampler', 'sobol'])).toContain('--sampler');
    expect(error(['--promotion', 'magic'])).toContain('--promotion');
    expect(error(['--preset', 'constructor'])).toContain('Expected --preset to be one of tiny');
    expect(error(['--json', ' '])).toContain('Expected --json to be a file path');
    // All problems at once, one per line.
    expect(error(['--workers', 'x', '--seed', 'y']).split('\n')).toHaveLength(2);
  });

  it('refuses unknown flags, positionals and missing values without echoing control characters', () => {
    expect(error(['--wrokers', '2'])).toMatch(/^Unknown option '--wrokers'.*Run with --help for the flags\.$/s);
    expect(error(['smoke'])).toContain('Run with --help');
    expect(error(['--workers'])).toContain("Option '--workers <value>' argument missing");
    expect(error(['--bad\u001b[31m'])).not.toContain('\u001b');
    expect(error(['--preset', '<script>\u202e'])).toContain('a value with disallowed characters');
  });

  it('has --help and -h', () => {
    expect(parseStudyArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseStudyArgs(['-h', '--workers', 'abc'])).toEqual({ kind: 'help' });
    for (const flag of [
      '--preset',
      '--workers',
      '--seed',
      '--backend',
      '--scheduler',
      '--resource',
      '--sampler',
      '--epochs',
      '--images',
      '--promotion',
      '--kappa',
      '--min-examples',
      '--probes',
      '--memory',
      '--save-memory',
      '--json',
      '--yes',
      '--help',
    ]) {
      expect(STUDY_USAGE).toContain(flag);
    }
  });
});

describe('npm run study', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'study.ts'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: join(import.meta.dirname, '../..'),
    });

  it('exits with code 2 and a message on a bad flag, and 0 with the usage on --help', () => {
    const bad = run(['--workers', 'abc']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('Expected --workers to be a whole number between 1 and 64, but got "abc"');
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run study');
  });

  it('refuses a study this machine cannot run, and asks for --yes before a very long one', () => {
    const years = run(['--preset', 'full', '--epochs', '1000']);
    expect(years.status).toBe(2);
    expect(years.stderr).toMatch(
      /^This study would take about [\d.]+ (days|years) on \d+ wasm workers? \(assumed backend\), more than the 7\.0 days a study may run/,
    );
    const hours = run(['--preset', 'full', '--epochs', '10', '--workers', '2']);
    expect(hours.status).toBe(2);
    expect(hours.stderr).toMatch(
      /This study would take about [\d.]+ h on 2 wasm workers \(assumed backend\)\. Pass --yes to run it anyway\./,
    );
  });
});
