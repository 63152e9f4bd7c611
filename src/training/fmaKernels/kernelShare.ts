// How a pool's trials share the machine's cores with our kernels' helper threads: every worker of
// the pool counts its running trials in one shared Int32Array, and a product is cut into at most
// cores / running parts. Two trials on two cores run one thread each; the last trial of a rung,
// alone, takes both.

export interface KernelShare {
  /** Threads the whole pool may keep busy. */
  cores: number;
  /** Int32Array [running trials] over this buffer, shared by the pool's workers. */
  activity: SharedArrayBuffer;
}

/** A share for a pool of `cores`, or undefined where memory cannot be shared (a page not cross-origin isolated). */
export function createKernelShare(cores: number): KernelShare | undefined {
  if (typeof SharedArrayBuffer !== 'function' || cores < 2) return undefined;
  return { cores, activity: new SharedArrayBuffer(4) };
}

/** Threads one product may use now. */
export function threadsAllowed(share: KernelShare): number {
  const running = Atomics.load(new Int32Array(share.activity), 0);
  return Math.max(1, Math.floor(share.cores / Math.max(1, running)));
}

/** Counts a trial as running while `work` runs. */
export async function whileRunning<T>(share: KernelShare | undefined, work: () => Promise<T>): Promise<T> {
  if (!share) return work();
  const activity = new Int32Array(share.activity);
  Atomics.add(activity, 0, 1);
  try {
    return await work();
  } finally {
    Atomics.sub(activity, 0, 1);
  }
}
