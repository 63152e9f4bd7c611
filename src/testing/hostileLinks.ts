// A seeded corpus of hostile launch links (query and fragment) for the link tests in Node and in
// Chromium: garbled fragments, corrupted share links, malicious query values, and valid lz-string
// compression around bad content (markup, prototype keys, extreme numbers, budgets no machine can
// run, plans that once froze the page). Plus valid links, which must still open. Deterministic.
import { PRESETS } from '../core/study/presets';
import { createRng, type Rng } from '../core/rng';
import { encodeStudy } from '../core/link/urlState';
import { hostilePayloads } from './hostilePayloads';
import { clone, MALICIOUS, pick, type HostileLink, type Json } from './hostileText';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const WIDE = `${ALPHABET}%&=#?/\\<>"'\` .:;!@^*()[]{}|~\u0000\u0007\u001b\u202E\u2066\u200B\uFEFF\u00e9\u4e2d😀\uD800`;
const randomText = (rng: Rng, alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[rng.nextInt(alphabet.length)]).join('');
/** A query value as a link carries it: raw, or percent-encoded (URLSearchParams decodes both). */
function q(rng: Rng, value: string): string {
  const raw = value.replace(/[\ud800-\udfff]/g, '%ED%A0%80'); // a lone surrogate, as a URL carries it (encodeURIComponent throws on it)
  return rng.next() < 0.5 && raw === value ? encodeURIComponent(value) : raw.replace(/[&#\s]/g, encodeURIComponent);
}

function garbled(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  const prefixes = ['#s=', '#S=', '#', '#x=1&s=', '#s=&s=', '#s', '#s==', '##s=', '#%73=', ''];
  for (let i = 0; i < 320; i++) {
    const length = pick(rng, [0, 1, 3, 16, 64, 300, 2000]);
    const body = randomText(rng, i % 2 === 0 ? ALPHABET : WIDE, length);
    out.push({ kind: 'garbled', label: `garbled ${i}`, search: '', hash: `${pick(rng, prefixes)}${body}` });
  }
  out.push({ kind: 'garbled', label: 'oversized fragment', search: '', hash: `#s=${'A'.repeat(9000)}` });
  out.push({ kind: 'garbled', label: 'oversized query', search: `?preset=${'x'.repeat(5000)}`, hash: '' });
  return out;
}

function corrupted(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  for (let i = 0; i < 220; i++) {
    const link = encodeStudy(pick(rng, PRESETS).study);
    let payload = link;
    switch (i % 8) {
      case 0:
        payload = link.slice(0, 1 + rng.nextInt(link.length - 1));
        break;
      case 1: {
        const a = link.split('');
        for (let k = 0; k < 1 + rng.nextInt(4); k++) a[rng.nextInt(a.length)] = pick(rng, ALPHABET.split(''));
        payload = a.join('');
        break;
      }
      case 2:
        payload = link + randomText(rng, ALPHABET, 1 + rng.nextInt(40));
        break;
      case 3:
        payload = `${link}&s=${link.slice(0, 20)}`;
        break;
      case 4:
        payload = link.replace(/\+/g, ' ');
        break;
      case 5:
        payload = encodeURIComponent(link).replace(/%/g, rng.next() < 0.5 ? '%' : '%25');
        break;
      case 6: {
        const at = rng.nextInt(link.length);
        payload = link.slice(0, at) + randomText(rng, WIDE, 1 + rng.nextInt(3)) + link.slice(at);
        break;
      }
      case 7:
        payload = link.split('').reverse().join('');
        break;
    }
    const prefix = i % 11 === 0 ? '#x=1&s=' : i % 13 === 0 ? '#S=' : '#s=';
    out.push({ kind: 'corrupted', label: `corrupted ${i} (${i % 8})`, search: '', hash: `${prefix}${payload}` });
  }
  return out;
}

function query(rng: Rng): HostileLink[] {
  const out: HostileLink[] = [];
  const params = ['preset', 'backend', 'view', 'hide', 'lock', 'debug'];
  for (const param of params) {
    for (const value of MALICIOUS)
      out.push({
        kind: 'query',
        label: `?${param}=${JSON.stringify(value.slice(0, 20))}`,
        search: `?${param}=${q(rng, value)}`,
        hash: '',
      });
  }
  for (let i = 0; i < 40; i++) {
    const parts = Array.from(
      { length: 1 + rng.nextInt(6) },
      () => `${pick(rng, [...params, 'Preset', '__proto__', 'constructor', 's'])}=${q(rng, pick(rng, MALICIOUS))}`,
    );
    out.push({
      kind: 'query',
      label: `mixed query ${i}`,
      search: `?${parts.join('&')}`,
      hash: rng.next() < 0.3 ? `#s=${encodeStudy(PRESETS[0].study)}` : '',
    });
  }
  out.push({
    kind: 'query',
    label: 'hide list of prototype names',
    search: '?hide=__proto__,constructor,toString,settings',
    hash: '',
  });
  return out;
}

function valid(rng: Rng): HostileLink[] {
  const out: HostileLink[] = PRESETS.map((p) => ({
    kind: 'valid' as const,
    label: `preset ${p.id} as a link`,
    search: '',
    hash: `#s=${encodeStudy(p.study)}`,
  }));
  for (const p of PRESETS)
    out.push({
      kind: 'valid',
      label: `?preset=${p.id}`,
      search: `?preset=${p.id}&view=${rng.next() < 0.5 ? 'lab' : 'present'}&hide=settings,library&lock=1`,
      hash: '',
    });
  for (let i = 0; i < 40; i++) {
    const study = clone(pick(rng, PRESETS).study);
    study.seed = rng.nextInt(1_000_000);
    study.name = `custom ${i}`;
    (study.scheduler as Json).numConfigs = 1 + rng.nextInt(30);
    out.push({
      kind: 'valid',
      label: `custom study ${i}`,
      search: rng.next() < 0.3 ? '?backend=wasm' : '',
      hash: `#s=${encodeStudy(study as never)}`,
    });
  }
  return out;
}

/** The corpus: over 1,000 links, the same every time for a seed. */
export function hostileLinks(seed = 2026): HostileLink[] {
  const rng = createRng(seed);
  return [...garbled(rng), ...corrupted(rng), ...query(rng), ...hostilePayloads(rng), ...valid(rng)];
}

/** What no notice, label or study string may contain: markup, a URL scheme, control, bidi or invisible characters, lone surrogates. */
export const UNSAFE_ECHO =
  /[<>]|javascript:|data:text|[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/i;

/** What tfjs does with the page's query when it loads (its environment's getQueryParams): it throws on a malformed escape. */
export const tfjsQueryParams = (search: string): string =>
  search.replace(
    /[?&]([^=?&]+)(?:=([^&]*))?/g,
    (_, k: string, v?: string) => `${decodeURIComponent(k)}=${decodeURIComponent(v ?? '')}`,
  );
