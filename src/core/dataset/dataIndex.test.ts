import { describe, expect, it } from 'vitest';
import { CHUNKS_FORMAT, parseDataIndex } from './dataIndex';

const good = {
  v: 2,
  format: CHUNKS_FORMAT,
  chunks: [{ name: 'train_chunk_00.bin', file: 'train_chunk_00.bin.residuals', bytes: 1_780_000 }],
};

describe('parseDataIndex', () => {
  it('accepts the index a build writes', () => {
    expect(parseDataIndex(good)).toEqual({ index: good });
  });

  it('says what is wrong instead of throwing', () => {
    expect(parseDataIndex(null)).toEqual({ problem: 'the data index is not a JSON object' });
    expect(parseDataIndex({ ...good, v: 1 })).toEqual({
      problem: 'the data index has version 1; this page reads version 2',
    });
    expect(parseDataIndex({ ...good, format: 'zip' })).toMatchObject({
      problem: expect.stringContaining('format zip'),
    });
    expect(parseDataIndex({ ...good, chunks: [{ name: 'a', file: '../etc/passwd', bytes: 1 }] })).toMatchObject({
      problem: expect.stringContaining('malformed chunk entry'),
    });
    expect(parseDataIndex({ ...good, chunks: [{ name: 'a', file: 'a.gz', bytes: 0 }] })).toMatchObject({
      problem: expect.stringContaining('malformed chunk entry'),
    });
  });
});
