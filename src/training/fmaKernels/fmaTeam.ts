// Helper threads for our kernels: each runs the shared-memory build of gemm.c on the same
// WebAssembly.Memory, and takes one part of a product (a range of images or of output channels)
// while the calling thread computes the first. Parts write disjoint outputs and sum in the same
// order as one thread would, so the result is bitwise the same for any number of threads.
// Jobs go through a small shared Int32Array per helper (Atomics.wait/notify), not messages: a
// message round trip per kernel call would cost more than the halving saves on small layers.

/** Kernels a helper can run, by index in the control block. */
export const TEAM_KERNELS = ['conv2d', 'gemm', 'gemm_at', 'conv2d_filter_grad', 'max_pool_grad_2x2'] as const;
export type TeamKernel = (typeof TEAM_KERNELS)[number];

const SEQ = 0; // job number, set by the caller; -1 ends the helper
const DONE = 1; // last job number finished
const FN = 2;
const READY = 3; // 1 once instantiated, -1 if it failed
const STATUS = 4; // 0 ok, 1 the kernel threw
const ARGS = 5;
const CONTROL_INTS = ARGS + 16;

/** Bytes of stack each helper instance gets (the build's own stack size). */
export const HELPER_STACK_BYTES = 131072;

/** A wait longer than this means the helper is gone: the caller computes its part itself. */
const STALL_MS = 30_000;

// Plain JavaScript, run as a worker's whole source (an eval'd worker_thread in Node, a blob worker
// in a browser): nothing here may refer to this module's scope.
export const HELPER_SOURCE = `
const KERNELS = ${JSON.stringify(TEAM_KERNELS)};
function start(msg) {
  const ctl = new Int32Array(msg.control);
  WebAssembly.instantiate(msg.module, { env: { memory: msg.memory } }).then((instance) => {
    const e = instance.exports;
    e.__stack_pointer.value = msg.stackTop;
    const fns = KERNELS.map((name) => e[name]);
    Atomics.store(ctl, ${READY}, 1);
    let seen = 0;
    for (;;) {
      Atomics.wait(ctl, ${SEQ}, seen);
      seen = Atomics.load(ctl, ${SEQ});
      if (seen < 0) return;
      const fn = fns[ctl[${FN}]];
      const args = [];
      for (let i = 0; i < fn.length; i++) args.push(ctl[${ARGS} + i]);
      let status = 0;
      try { fn(...args); } catch (err) { status = 1; }
      Atomics.store(ctl, ${STATUS}, status);
      Atomics.store(ctl, ${DONE}, seen);
      Atomics.notify(ctl, ${DONE});
    }
  }, () => Atomics.store(ctl, ${READY}, -1));
}
if (typeof self !== 'undefined' && typeof self.postMessage === 'function') {
  self.onmessage = (event) => start(event.data);
} else {
  require('node:worker_threads').parentPort.once('message', start);
}
`;

/** A started helper thread: Node's worker_threads Worker or a browser Worker, seen the same way. */
export interface HelperThread {
  postMessage(message: unknown): void;
  terminate(): void;
}
export type SpawnHelper = (source: string) => HelperThread;

interface Helper {
  thread: HelperThread;
  ctl: Int32Array;
  seq: number;
  broken: boolean;
}

export class FmaTeam {
  private readonly helpers: Helper[];

  /** `stacks` is the byte offset of helpers.length stacks of HELPER_STACK_BYTES in `memory`. */
  constructor(
    module: WebAssembly.Module,
    memory: WebAssembly.Memory,
    count: number,
    stacks: number,
    spawn: SpawnHelper,
  ) {
    this.helpers = Array.from({ length: count }, (_, i) => {
      const control = new SharedArrayBuffer(CONTROL_INTS * 4);
      const thread = spawn(HELPER_SOURCE);
      thread.postMessage({ module, memory, control, stackTop: stacks + (i + 1) * HELPER_STACK_BYTES });
      return { thread, ctl: new Int32Array(control), seq: 0, broken: false };
    });
  }

  get size(): number {
    return this.helpers.length;
  }

  /** Helpers that can take a part now (instantiated, not stalled). */
  ready(): number {
    return this.helpers.filter((h) => !h.broken && Atomics.load(h.ctl, READY) === 1).length;
  }

  /**
   * Runs parts[0] with `here` on this thread and parts[i] on the i-th ready helper, and returns
   * once all are done. A helper that stalls or throws is dropped and its part computed here.
   */
  run(kernel: TeamKernel, parts: number[][], here: (args: number[]) => void): void {
    const fn = TEAM_KERNELS.indexOf(kernel);
    const busy = this.helpers.filter((h) => !h.broken && Atomics.load(h.ctl, READY) === 1).slice(0, parts.length - 1);
    busy.forEach((h, i) => {
      const args = parts[i + 1];
      h.ctl[FN] = fn;
      args.forEach((v, j) => (h.ctl[ARGS + j] = v));
      h.seq++;
      Atomics.store(h.ctl, SEQ, h.seq);
      Atomics.notify(h.ctl, SEQ);
    });
    here(parts[0]);
    for (let i = busy.length + 1; i < parts.length; i++) here(parts[i]);
    busy.forEach((h, i) => {
      const deadline = performance.now() + STALL_MS;
      let done = Atomics.load(h.ctl, DONE);
      while (done !== h.seq && performance.now() < deadline) {
        Atomics.wait(h.ctl, DONE, done, 1000);
        done = Atomics.load(h.ctl, DONE);
      }
      if (done !== h.seq || Atomics.load(h.ctl, STATUS) !== 0) {
        h.broken = true;
        h.thread.terminate();
        here(parts[i + 1]);
      }
    });
  }

  dispose(): void {
    for (const h of this.helpers) {
      Atomics.store(h.ctl, SEQ, -1);
      Atomics.notify(h.ctl, SEQ);
      h.thread.terminate();
    }
  }
}
