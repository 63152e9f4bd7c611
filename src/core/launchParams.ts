// The query parameters a link may carry before the full share-link schema exists:
// ?preset=<id>&backend=<webgpu|webgl|wasm|cpu>. Pure, validated, never throws; messages quote the
// input only when it is safe text (./studySchema quoteInput), as the share link's messages do.
import { quoteInput } from './studySchema';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type LaunchBackend = (typeof BACKENDS)[number];

export interface LaunchParams { presetId: string | null; backend: LaunchBackend | null; problems: string[] }

export function parseLaunchParams(search: string, presetIds: readonly string[]): LaunchParams {
  const out: LaunchParams = { presetId: null, backend: null, problems: [] };
  if (search.length > 2048) return { ...out, problems: ['The link is too long (over 2,048 characters) and was ignored.'] };
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
