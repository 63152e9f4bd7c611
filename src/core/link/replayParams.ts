// A lesson link to a replayed study (the page's "Replay a real study" panel):
// ?replay=hyperband&replayRule=powerLaw&replayPool=27&replayStudy=3, one key per setting, as
// TensorFlow Playground keeps each setting in its own key. Every value is validated; a bad one is
// reported and its default used, never thrown.
import { REPLAY_SCHEDULERS, type ReplaySchedulerName } from '../groundTruth/replayPlans';
import type { PromotionRuleName } from '../groundTruth/replayPromotion';
import { quoteInput } from '../study/studySchema';

/** The rules a page replay offers: the meta-model ones refit per study, seconds each, so bench:simulate runs them. */
export const PAGE_REPLAY_RULES = ['accuracy', 'compositeSharpness', 'powerLaw', 'probeRegression'] as const;
export type PageReplayRule = (typeof PAGE_REPLAY_RULES)[number] & PromotionRuleName;

export interface ReplayLink {
  scheduler: ReplaySchedulerName;
  rule: PageReplayRule;
  /** Configurations per study; null: the panel's default. The table's size is checked by the panel. */
  poolSize: number | null;
  study: number;
}

const MAX_POOL = 1000;
const MAX_STUDY = 1_000_000;

function pick<T extends string>(name: string, raw: string, allowed: readonly T[], problems: string[]): T | null {
  const found = allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
  if (!found) problems.push(`Unknown ${name} ${quoteInput(raw)}; expected one of ${allowed.join(', ')}.`);
  return found ?? null;
}

function whole(name: string, raw: string | null, min: number, max: number, problems: string[]): number | null {
  if (raw === null) return null;
  const v = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(v) && v >= min && v <= max) return v;
  problems.push(
    `Expected ${name} to be a whole number from ${min} to ${max.toLocaleString('en')}, but got ${quoteInput(raw)}; it was ignored.`,
  );
  return null;
}

/** The replay a link opens, or null when it names none (no `replay` key, or an unknown scheduler). */
export function parseReplayParams(params: URLSearchParams, problems: string[]): ReplayLink | null {
  const raw = params.get('replay');
  const rule = params.get('replayRule');
  const pool = params.get('replayPool');
  const study = params.get('replayStudy');
  if (raw === null) {
    if (rule !== null || pool !== null || study !== null)
      problems.push('replayRule, replayPool and replayStudy need replay=<scheduler>; they were ignored.');
    return null;
  }
  const scheduler =
    raw.trim() === '' ? 'successiveHalving' : pick('replay scheduler', raw, REPLAY_SCHEDULERS, problems);
  // Every value is checked, so a teacher fixes a link in one go.
  const link = {
    rule: (rule === null ? null : pick('replayRule', rule, PAGE_REPLAY_RULES, problems)) ?? 'accuracy',
    poolSize: whole('replayPool', pool, 2, MAX_POOL, problems),
    study: whole('replayStudy', study, 0, MAX_STUDY, problems) ?? 0,
  };
  return scheduler ? { scheduler, ...link } : null;
}

/** The query keys of a replay link (the inverse of parseReplayParams). */
export function replaySearchParams(link: ReplayLink): [string, string][] {
  const out: [string, string][] = [['replay', link.scheduler]];
  if (link.rule !== 'accuracy') out.push(['replayRule', link.rule]);
  if (link.poolSize !== null) out.push(['replayPool', String(link.poolSize)]);
  if (link.study !== 0) out.push(['replayStudy', String(link.study)]);
  return out;
}
