// The dataset cache partly cleared between visits is said so; a first visit (or a whole origin
// cleared) and a complete cache say nothing.
import { describe, expect, it } from 'vitest';
import { evictedShardsNotice } from './loadBrowserDataset';

describe('evicted dataset shards', () => {
  it('names the shards the browser dropped from a partly kept cache', () => {
    expect(evictedShardsNotice(['data_batch_2.bin', 'data_batch_4.bin'], 5)).toBe(
      "2 of 5 cached shards (data_batch_2.bin, data_batch_4.bin) were no longer in the browser's storage (it may have cleared them to free space); downloading them again.",
    );
  });

  it('says nothing for a complete cache or an empty one', () => {
    expect(evictedShardsNotice([], 5)).toBeNull();
    expect(evictedShardsNotice(['a', 'b', 'c', 'd', 'e'], 5)).toBeNull();
  });
});
