// The share link: a version-2 study as lz-string-compressed JSON in the URL hash (#s=...), so a
// link reproduces a study, seed included (the TensorFlow Playground habit). Parsing is pure,
// size-bounded before decompression, validated section by section with zod, and never throws.
import LZString from 'lz-string';
import type { StudyDefinition } from '../study/studyDefinition';
import { migrateStudy } from './urlMigrations';
import { checkSections, describeValue, safeKey } from '../study/studySchema';

/** Longest hash payload read; checked before decompressing. */
export const MAX_LINK_CHARS = 8192;
/** Longest JSON accepted after decompression (LZ growth is at most quadratic, so this stays cheap to check). */
export const MAX_JSON_CHARS = 65536;

/** lz-string's compressToEncodedURIComponent alphabet. */
const LINK_ALPHABET = /^[A-Za-z0-9+\-$]*$/;

export type DecodeResult =
  | { ok: true; study: StudyDefinition; notes: string[] }
  /** partial: the sections that were valid, for the caller to complete with defaults (completeStudy). */
  | { ok: false; error: string; problems: string[]; partial?: Partial<StudyDefinition> };

/** Fixed field order, so the same study always gives the same link. */
export function encodeStudy(def: StudyDefinition): string {
  const { name, seed, space, fixed, sampler, scheduler, data, readEvery } = def;
  const json = JSON.stringify({ v: 2, name, seed, space, fixed, sampler, scheduler, data, readEvery });
  return LZString.compressToEncodedURIComponent(json);
}

export function studyHash(def: StudyDefinition): string {
  return `#s=${encodeStudy(def)}`;
}

/** Validates a parsed payload (any version): the JSON stage of decodeStudy, also for stored records. */
export function parseStudy(payload: unknown): DecodeResult {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return fail([`The link's study is not a study (expected an object, got ${describeValue(payload)})`]);
  }
  const migrated = migrateStudy(payload as Record<string, unknown>);
  if (!migrated.ok) return fail([migrated.error]);
  const { partial, problems } = checkSections(migrated.raw);
  if (problems.length > 0) return fail(problems, { v: 2, ...partial } as Partial<StudyDefinition>);
  return { ok: true, study: { v: 2, ...partial } as unknown as StudyDefinition, notes: migrated.notes };
}

function fail(problems: string[], partial?: Partial<StudyDefinition>): DecodeResult {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return { ok: false, error: `${problems[0]}${more}`, problems, ...(partial ? { partial } : {}) };
}

/**
 * The payload of "#s=...", "s=..." or a bare payload, and notes on whatever else the fragment held
 * (x=1 beside s=, a second s=); payload null when the fragment holds no study (#S=... included).
 */
function payloadOf(fragment: string): { payload: string | null; notes: string[] } {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const parts = body.split('&');
  const studies = parts.filter((p) => p.startsWith('s='));
  if (studies.length === 0) return { payload: body.includes('=') || parts.length > 1 ? null : body, notes: [] };
  const others = parts.filter((p) => !p.startsWith('s=')).map((p) => safeKey(p.split('=')[0]));
  const notes =
    others.length > 0
      ? [
          `The link also held ${others.slice(0, 5).join(', ')}${others.length > 5 ? ' and more' : ''} beside the study; ${others.length === 1 ? 'it was' : 'they were'} ignored.`,
        ]
      : [];
  if (studies.length > 1) notes.push(`The link held ${studies.length} studies (s=); only the first was read.`);
  return { payload: studies[0].slice(2), notes };
}

/** A note when the payload is not exactly what encodeStudy writes for its JSON (junk after it, altered padding). */
function exactnessNote(payload: string, json: string): string | null {
  const exact = LZString.compressToEncodedURIComponent(json);
  if (exact === payload) return null;
  if (payload.startsWith(exact)) {
    const extra = payload.length - exact.length;
    return `The link had ${extra} extra character${extra === 1 ? '' : 's'} after its study; ${extra === 1 ? 'it was' : 'they were'} ignored.`;
  }
  return "The link's study decoded, but the link is not exactly what this lab writes (it may have been altered); check the study before running it.";
}

function decode(fragment: unknown): DecodeResult {
  // 1. Find the payload and bound it before any work proportional to its expansion.
  if (typeof fragment !== 'string') return fail([`The link is not text (got ${describeValue(fragment)})`]);
  if (fragment.length > MAX_LINK_CHARS + 16)
    return fail([`The link is too long (${fragment.length} characters; a study link has at most ${MAX_LINK_CHARS})`]);
  const found = payloadOf(fragment);
  let payload = found.payload;
  if (payload === null) return fail(['The link has no study in it (expected #s=...)']);
  if (/%[0-9A-Fa-f]{2}/.test(payload)) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return fail(["The link's study is corrupt (bad percent-encoding)"]);
    }
  }
  payload = payload.replace(/ /g, '+'); // a '+' that went through form decoding, as lz-string itself allows
  if (payload.length === 0) return fail(["The link's study is empty"]);
  if (payload.length > MAX_LINK_CHARS)
    return fail([`The link is too long (${payload.length} characters; a study link has at most ${MAX_LINK_CHARS})`]);
  if (!LINK_ALPHABET.test(payload))
    return fail(["The link's study is corrupt (it has characters a study link never contains)"]);
  // 2. Decompress; lz-string returns null or '' on most corrupt input and throws on some.
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return fail(["The link's study is truncated or corrupt (could not decompress)"]);
  if (json.length > MAX_JSON_CHARS)
    return fail([
      `The link's study is too large (${json.length} characters once decompressed; at most ${MAX_JSON_CHARS})`,
    ]);
  // 3. Parse, then migrate and validate.
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return fail(["The link's study is truncated or corrupt (not valid JSON)"]);
  }
  const result = parseStudy(parsed);
  if (!result.ok) return result;
  // 4. Whatever the link held beyond the study gets a note, never silence.
  const exactness = exactnessNote(payload, json);
  return { ...result, notes: [...found.notes, ...(exactness ? [exactness] : []), ...result.notes] };
}

/** Reads a share link's hash. Pure; never throws: failures come back as ok: false with a message. */
export function decodeStudy(fragment: string): DecodeResult {
  try {
    return decode(fragment);
  } catch {
    return fail(['The link could not be read (unexpected error while decoding)']); // defence in depth
  }
}

/** The valid sections of a link over the defaults for the rest. Sections are independent, so the result is valid. */
export function completeStudy(partial: Partial<StudyDefinition>, defaults: StudyDefinition): StudyDefinition {
  return { ...defaults, ...partial, v: 2 };
}
