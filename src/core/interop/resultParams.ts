// An external trial's parameters as a lab configuration, checked against the share link's
// fixed-value schema (../study/studySchema): every value in its parameter's domain or the file is
// refused. Parameters the file does not give keep the lab's defaults; columns the lab does not
// know (Optuna's datetimes, user attributes) are not parameters and are ignored.
import { DEFAULT_FIXED, type TrialConfig } from '../searchSpace/searchSpace';
import { describeValue, issueProblems, SECTION_SCHEMAS } from '../study/studySchema';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const FLAGS = new Set(['nesterov', 'batchNorm', 'augment']);
const STRINGS = new Set(['optimizer', 'lrSchedule']);

/** A cell or JSON value as the parameter's type: Optuna writes booleans as True/False (pandas) or true/false. */
function asParam(name: string, v: unknown): unknown {
  if (FLAGS.has(name) && (v === true || v === 'True' || v === 'true')) return 1;
  if (FLAGS.has(name) && (v === false || v === 'False' || v === 'false')) return 0;
  if (!STRINGS.has(name) && typeof v === 'string' && NUMBER.test(v.trim())) return Number(v);
  return v;
}

export type ParamsRead = { ok: true; config: TrialConfig } | { ok: false; problem: string };

/** `where`: the trial's place in the file, for the message ("trials[3]", "row 5"). */
export function readParams(params: unknown, where: string): ParamsRead {
  if (params === undefined || params === null) return { ok: true, config: { ...DEFAULT_FIXED } };
  if (typeof params !== 'object' || Array.isArray(params))
    return { ok: false, problem: `${where}.params: expected an object, got ${describeValue(params)}` };
  const given: Record<string, unknown> = {};
  for (const name of Object.keys(DEFAULT_FIXED))
    if (Object.hasOwn(params, name)) {
      const v = (params as Record<string, unknown>)[name];
      if (v !== null) given[name] = asParam(name, v);
    }
  const parsed = SECTION_SCHEMAS.fixed.safeParse(given);
  if (!parsed.success) return { ok: false, problem: issueProblems(parsed.error.issues, given, `${where}.params`)[0] };
  return { ok: true, config: { ...DEFAULT_FIXED, ...parsed.data } as TrialConfig };
}

/** An accuracy value: a number in [0, 1], or missing (null, an empty cell). */
export function readValue(
  v: unknown,
  where: string,
): { ok: true; value: number | null } | { ok: false; problem: string } {
  const x = typeof v === 'string' ? (v.trim() === '' ? null : NUMBER.test(v.trim()) ? Number(v) : v) : v;
  if (x === null || x === undefined) return { ok: true, value: null };
  if (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1) return { ok: true, value: x };
  return { ok: false, problem: `${where}: expected an accuracy between 0 and 1, or nothing, got ${describeValue(x)}` };
}
