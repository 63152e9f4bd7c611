// Watches the webgpu backend's GPUDevice. After a device is lost (driver reset, GPU removed,
// destroy()) reads may hang or fail with unrelated messages, so work in flight races this instead.
import * as tf from '@tensorflow/tfjs';

/** Raised in the worker when the device goes; the worker reports it as DEVICE_LOST. */
export class DeviceLost extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceLost';
  }
}

interface LostInfo {
  reason?: string;
  message?: string;
}

/**
 * Resolves with a message once the current backend's GPU device is lost; null for backends
 * without one (wasm, cpu, webgl). Read it right after the backend starts: it names that device.
 */
export function gpuDeviceLost(): Promise<string> | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<LostInfo> } }).device;
  if (!device?.lost) return null;
  return device.lost.then(
    (info) => `the GPU device was lost (${info.reason ?? 'unknown reason'}${info.message ? `: ${info.message}` : ''})`,
  );
}

/** `work`, or a DeviceLost rejection as soon as `lost` resolves: a lost device must not hang the caller. */
export function unlessDeviceLost<T>(work: Promise<T>, lost: Promise<string> | null): Promise<T> {
  if (!lost) return work;
  return Promise.race([
    work,
    lost.then((message): never => {
      throw new DeviceLost(message);
    }),
  ]);
}

/** Waits up to `ms` for the device-lost message: destroy() fails pending reads before `lost` settles. */
export async function lostWithin(lost: Promise<string> | null, ms: number): Promise<string | null> {
  if (!lost) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([lost, late]);
  } finally {
    clearTimeout(timer);
  }
}
