// Where the measured backend choice is kept: localStorage, keyed by what can change the answer
// (browser and device, tfjs version, model and batch). A missing, unreadable or malformed entry
// is a cache miss: the page measures again and writes a fresh one.
import type { BackendChoice, BackendChoiceCache } from '../orchestrator/backendChoice';

const PREFIX = 'backendChoice:v1:';
const BACKENDS = new Set(['webgpu', 'webgl', 'wasm', 'cpu']);

export interface DeviceIdentity {
  userAgent: string;
  cores: number;
  /** tfjs's version: a new release may change which backend is fastest. */
  tfjs: string;
}

const thisDevice = (): DeviceIdentity => ({
  userAgent: navigator.userAgent,
  cores: navigator.hardwareConcurrency || 0,
  tfjs: import.meta.env.LLP_TFJS_VERSION,
});

export function backendChoiceKey(
  model: { channels: number; batchSize: number },
  device: DeviceIdentity = thisDevice(),
): string {
  return `${PREFIX}${device.userAgent} x${device.cores} | tfjs ${device.tfjs} | c${model.channels} b${model.batchSize}`;
}

function parse(text: string | null): BackendChoice | null {
  if (text == null || text.length > 10_000) return null;
  try {
    const v = JSON.parse(text) as Partial<BackendChoice>;
    const ok =
      typeof v.backend === 'string' &&
      BACKENDS.has(v.backend) &&
      Array.isArray(v.timings) &&
      v.timings.every((t) => BACKENDS.has(t?.backend) && typeof t?.status === 'string') &&
      Number.isFinite(v.channels) &&
      Number.isFinite(v.batchSize) &&
      typeof v.measuredAt === 'string';
    return ok ? (v as BackendChoice) : null;
  } catch {
    return null;
  }
}

export const localBackendChoiceCache: BackendChoiceCache = {
  get(key) {
    try {
      return parse(localStorage.getItem(key));
    } catch {
      return null; // storage blocked (privacy mode): measure every time
    }
  },
  set(key, choice) {
    try {
      localStorage.setItem(key, JSON.stringify(choice));
    } catch {
      /* full or blocked: the choice still holds for this page */
    }
  },
};
