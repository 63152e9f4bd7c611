// The query parameters a link may carry before the full share-link schema exists:
// ?preset=<id>&backend=<webgpu|webgl|wasm|cpu>. Pure, validated, never throws; messages quote the
// input only when it is safe text (../study/studySchema quoteInput), as the share link's messages do.
import { quoteInput } from '../study/studySchema';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type LaunchBackend = (typeof BACKENDS)[number];

export interface LaunchParams {
  presetId: string | null;
  backend: LaunchBackend | null;
  problems: string[];
}

export function parseLaunchParams(search: string, presetIds: readonly string[]): LaunchParams {
  const out: LaunchParams = { presetId: null, backend: null, problems: [] };
  if (search.length > 2048)
    return { ...out, problems: ['The link is too long (over 2,048 characters) and was ignored.'] };
  const params = new URLSearchParams(search);
  const preset = params.get('preset');
  if (preset !== null) {
    if (presetIds.includes(preset)) out.presetId = preset;
    else out.problems.push(`Unknown preset ${quoteInput(preset)}; expected one of ${presetIds.join(', ')}.`);
  }
  const backend = params.get('backend');
  if (backend !== null) {
    if ((BACKENDS as readonly string[]).includes(backend)) out.backend = backend as LaunchBackend;
    else out.problems.push(`Unknown backend ${quoteInput(backend)}; expected one of ${BACKENDS.join(', ')}.`);
  }
  return out;
}

/**
 * The query with every malformed percent-escape (a lone %, %ZZ, %ED%A0%80 that is no UTF-8) made
 * literal (% as %25), and whether anything changed. tfjs decodes every query parameter with
 * decodeURIComponent when it loads and throws on such escapes, which left a blank page.
 */
export function repairQuery(search: string): { search: string; repaired: boolean; decodedChars: number } {
  let repaired = false;
  // The decoded length is returned, not dropped: a minifier removes a decodeURIComponent whose result is unused.
  let decodedChars = 0;
  const fix = (piece: string) => {
    try {
      decodedChars += decodeURIComponent(piece).length;
      return piece;
    } catch {
      repaired = true;
      return piece.replace(/%/g, '%25');
    }
  };
  const body = search.startsWith('?') ? search.slice(1) : search;
  const fixed = body
    .split('&')
    .map((part) => part.split('=').map(fix).join('='))
    .join('&');
  return { search: search.startsWith('?') ? `?${fixed}` : fixed, repaired, decodedChars };
}

export const REPAIRED_QUERY_NOTICE =
  'The link had malformed percent-escapes in its query; they were read as plain text.';
