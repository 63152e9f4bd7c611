// Oracle: the real batch decodes back to bytes whose sha256 is the published one, and the
// transform is what makes gzip pay; random records (every wrap-around of R-G and B-G) round-trip.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CIFAR10_SHARDS } from './cifarChecksums';
import { CIFAR10_RECORD_BYTES } from './cifarFormat';
import { decodeResiduals, encodeResiduals } from './cifarResiduals';

const batchFile = join(import.meta.dirname, '..', '..', '..', 'data', 'cifar10', 'data_batch_1.bin');

describe('cifarResiduals', () => {
  it.skipIf(!existsSync(batchFile))(
    'round-trips data_batch_1.bin to its published sha256, and gzip then saves over a third',
    () => {
      const batch = new Uint8Array(readFileSync(batchFile));
      const residuals = encodeResiduals(batch);
      const decoded = decodeResiduals(residuals);
      const published = CIFAR10_SHARDS.find((s) => s.name === 'data_batch_1.bin')!.sha256;
      expect(createHash('sha256').update(decoded).digest('hex')).toBe(published);
      const plain = gzipSync(batch, { level: 9 }).length / batch.length;
      const transformed = gzipSync(residuals, { level: 9 }).length / batch.length;
      console.log(
        `gzip -9: ${(100 * plain).toFixed(1)}% of the batch alone, ${(100 * transformed).toFixed(1)}% after the transform`,
      );
      expect(plain).toBeGreaterThan(0.9);
      expect(transformed).toBeLessThan(0.65);
    },
  );

  it('round-trips any records, including the extremes where R-G and B-G wrap', () => {
    const byte = fc.oneof(fc.constantFrom(0, 1, 127, 128, 254, 255), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(
        fc.array(byte, { minLength: CIFAR10_RECORD_BYTES * 2, maxLength: CIFAR10_RECORD_BYTES * 2 }),
        (values) => {
          const batch = Uint8Array.from(values);
          expect(decodeResiduals(encodeResiduals(batch))).toEqual(batch);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps the labels and rejects a partial record', () => {
    const batch = new Uint8Array(CIFAR10_RECORD_BYTES).fill(200);
    batch[0] = 7;
    expect(encodeResiduals(batch)[0]).toBe(7);
    expect(() => decodeResiduals(new Uint8Array(3000))).toThrow(
      'expected a whole number of 3073-byte records, got 3000 bytes',
    );
  });
});
