import { describe, expect, it } from 'vitest';
import { parseDataIndex, RESIDUALS_FORMAT } from './dataIndex';

const good = {
  v: 1,
  format: RESIDUALS_FORMAT,
  shards: [{ name: 'data_batch_1.bin', file: 'data_batch_1.bin.residuals', bytes: 17_800_000 }],
};

describe('parseDataIndex', () => {
  it('accepts the index a build writes', () => {
    expect(parseDataIndex(good)).toEqual({ index: good });
  });

  it('says what is wrong instead of throwing', () => {
    expect(parseDataIndex(null)).toEqual({ problem: 'the data index is not a JSON object' });
    expect(parseDataIndex({ ...good, v: 2 })).toEqual({
      problem: 'the data index has version 2; this page reads version 1',
    });
    expect(parseDataIndex({ ...good, format: 'zip' })).toMatchObject({
      problem: expect.stringContaining('format zip'),
    });
    expect(parseDataIndex({ ...good, shards: [{ name: 'a', file: '../etc/passwd', bytes: 1 }] })).toMatchObject({
      problem: expect.stringContaining('malformed shard entry'),
    });
    expect(parseDataIndex({ ...good, shards: [{ name: 'a', file: 'a.gz', bytes: 0 }] })).toMatchObject({
      problem: expect.stringContaining('malformed shard entry'),
    });
  });
});
