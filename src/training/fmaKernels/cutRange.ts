// How a product is cut between threads: [0, total) into at most `parts` contiguous ranges of
// near-equal size whose starts are multiples of `align` (a kernel's 8-wide column panels).
// Empty ranges are left out, so a small product runs on fewer threads.
export function cutRange(total: number, parts: number, align = 1): Array<[number, number]> {
  const units = Math.ceil(total / align);
  const count = Math.max(1, Math.min(parts, units));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const begin = Math.min(total, Math.round((units * i) / count) * align);
    const end = Math.min(total, Math.round((units * (i + 1)) / count) * align);
    if (end > begin) ranges.push([begin, end]);
  }
  return ranges;
}

/** Below this many multiply-adds a product runs on one thread: waking a helper costs more. */
export const MIN_SHARED_MADDS = 2_000_000;
