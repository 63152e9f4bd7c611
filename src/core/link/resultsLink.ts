// The results link: a finished study's record (state, curves, probes; never weights) as raw
// DEFLATE (RFC 1951, CompressionStream 'deflate-raw') in base64url (RFC 4648 §5) in the URL
// fragment, #r=…, so a student sees the study without retraining it. Reading is bounded at every
// stage (link length, inflated size, JSON limits) and checked as an imported study file is.
import { readStudyText, type RecordSource, type StudyFileRead } from '../interop/studyFile';
import type { StudyRecord } from '../study/studyRecord';

/** Longest payload read or written: far inside Chromium's 2 MB URL limit, checked before decoding. */
export const MAX_RESULTS_LINK_CHARS = 1_000_000;
/** Most bytes inflated from one link (a deflate bomb stops here), and so the longest JSON read. */
export const MAX_RESULTS_JSON_BYTES = 16 * 2 ** 20;

const PREFIX = '#r=';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const LINK: RecordSource = {
  refused: 'The results link was not opened',
  subject: "The results link's study",
  text: "the link's study",
};

export type ResultsEncode = { ok: true; hash: string } | { ok: false; error: string };

/** Whether a fragment is a results link (#r=…) rather than a study link (#s=…). */
export function isResultsLink(fragment: string): boolean {
  return fragment.startsWith(PREFIX) || fragment.startsWith(PREFIX.slice(1));
}

/** The record as "#r=…"; a study still running, or one too large for a link, gets the reason. */
export async function resultsHash(record: StudyRecord): Promise<ResultsEncode> {
  if (record.state.phase === 'running')
    return { ok: false, error: 'A results link holds a finished or stopped study; this one is still running.' };
  const payload = toBase64Url(await deflate(JSON.stringify(record)));
  if (payload.length > MAX_RESULTS_LINK_CHARS)
    return {
      ok: false,
      error: `This study's results are too large for a link (${payload.length.toLocaleString('en')} characters; a results link has at most ${MAX_RESULTS_LINK_CHARS.toLocaleString('en')}). Export it as a file (JSON) and share that instead.`,
    };
  return { ok: true, hash: `${PREFIX}${payload}` };
}

/** Reads "#r=…" (or "r=…"). Never throws: a damaged, oversized or invalid link comes back with a message. */
export async function decodeResults(fragment: string): Promise<StudyFileRead> {
  try {
    return await decode(fragment);
  } catch {
    return refuse('it could not be read (unexpected error while decoding)'); // defence in depth
  }
}

const refuse = (why: string): StudyFileRead => ({ ok: false, error: `${LINK.refused}: ${why}.` });

async function decode(fragment: string): Promise<StudyFileRead> {
  // 1. Bound and check the payload before any work proportional to its expansion.
  if (!isResultsLink(fragment)) return refuse('it holds no results (expected #r=…)');
  const payload = fragment.slice(fragment.startsWith('#') ? PREFIX.length : PREFIX.length - 1);
  if (payload.length > MAX_RESULTS_LINK_CHARS)
    return refuse(
      `it is too long (${payload.length.toLocaleString('en')} characters; a results link has at most ${MAX_RESULTS_LINK_CHARS.toLocaleString('en')})`,
    );
  if (payload.length === 0) return refuse('it is empty');
  if (!BASE64URL.test(payload) || payload.length % 4 === 1)
    return refuse('it is damaged (it has characters a results link never contains, or was cut short)');
  // 2. Inflate, stopping at the bound; truncated or altered DEFLATE data fails here.
  const bytes = await inflateBounded(fromBase64Url(payload), MAX_RESULTS_JSON_BYTES);
  if (bytes === 'corrupt') return refuse('it is damaged or cut short (its data does not decompress)');
  if (bytes === 'tooLarge')
    return refuse(`its study is too large (over ${MAX_RESULTS_JSON_BYTES / 2 ** 20} MiB once decompressed)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('it is damaged (its study is not UTF-8 text)');
  }
  // 3. The same checks as an imported study file, and a results link holds a study that ran to an end.
  const read = readStudyText(text, MAX_RESULTS_JSON_BYTES, LINK);
  if (read.ok && read.record.state.phase === 'running')
    return refuse('its study was still running when the link was made (a results link holds a finished study)');
  return read;
}

async function deflate(text: string): Promise<Uint8Array> {
  const input = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(input).arrayBuffer());
}

/** The inflated bytes, or why not; reading stops as soon as the output passes maxBytes. */
async function inflateBounded(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | 'corrupt' | 'tooLarge'> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        void reader.cancel().catch(() => {});
        return 'tooLarge';
      }
      chunks.push(value);
    }
  } catch {
    return 'corrupt';
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
