// The race that keeps a lost GPU device from hanging a worker: work, or DeviceLost as soon as the
// device goes; and the short wait that tells a failed read on a lost device from a training error.
import { describe, expect, it } from 'vitest';
import { DeviceLost, lostWithin, unlessDeviceLost } from './deviceLoss';

const never = new Promise<never>(() => {});

describe('device loss', () => {
  it('answers with DeviceLost when the device goes while work never finishes', async () => {
    await expect(
      unlessDeviceLost(never, Promise.resolve('the GPU device was lost (destroyed)')),
    ).rejects.toBeInstanceOf(DeviceLost);
  });

  it('passes work through when there is no device, or it stays', async () => {
    await expect(unlessDeviceLost(Promise.resolve(3), null)).resolves.toBe(3);
    await expect(unlessDeviceLost(Promise.resolve(4), never)).resolves.toBe(4);
  });

  it('waits a moment for a loss that settles after the failed read, and no longer', async () => {
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('lost'), 20));
    await expect(lostWithin(late, 1000)).resolves.toBe('lost');
    const t0 = Date.now();
    await expect(lostWithin(never, 30)).resolves.toBeNull();
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect(lostWithin(null, 30)).resolves.toBeNull();
  });
});
