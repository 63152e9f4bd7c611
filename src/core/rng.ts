// Seeded randomness for the whole lab: sfc32 (Doty-Humphrey's PractRand "small fast counting"
// generator) seeded through splitmix32, FNV-1a + murmur3 fmix32 for derived seeds, Box-Muller
// normals and Fisher-Yates shuffles. Nothing here uses the global unseeded generator, so a study seed replays.

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in 0..n-1. */
  nextInt(n: number): number;
  /** Standard normal N(0, 1) by the Box-Muller transform. */
  normal(): number;
  /** The generator's whole state, plain numbers: restoreRng(state) continues the same stream. */
  state(): RngState;
}

/** sfc32's four words and the spare Box-Muller deviate. */
export interface RngState {
  words: [number, number, number, number];
  spareNormal: number | null;
}

const TWO_POW_32 = 4294967296;

/** splitmix32 step: spreads a 32-bit seed so that nearby seeds give unrelated sfc32 states. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`Expected seed to be a finite number, but got ${seed}`);
  const sm = { s: seed >>> 0 };
  // d is sfc32's counter; starting at 1 is the reference seeding.
  const rng = sfc32({ words: [splitmix32(sm), splitmix32(sm), splitmix32(sm), 1], spareNormal: null });
  // The reference implementation discards the first outputs to mix the state.
  for (let i = 0; i < 12; i++) rng.next();
  return rng;
}

/** A generator that continues exactly where the one whose state() gave `saved` was. */
export function restoreRng(saved: RngState): Rng {
  if (saved.words.length !== 4 || !saved.words.every((w) => Number.isInteger(w)))
    throw new Error(`Expected an rng state of four integer words, but got ${JSON.stringify(saved.words)}`);
  return sfc32(saved);
}

function sfc32(start: RngState): Rng {
  let [a, b, c, d] = start.words.map((w) => w | 0);
  // Holds the second Box-Muller deviate so each pair of uniforms yields two normals.
  let spareNormal = start.spareNormal;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = (): number => nextUint32() / TWO_POW_32;

  return {
    next,
    nextInt(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new Error(`Expected n to be an integer in 1..2^32, but got ${n}`);
      }
      return Math.floor(next() * n);
    },
    normal(): number {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return z;
      }
      const u1 = 1 - next(); // (0, 1]: keeps log() finite
      const u2 = next();
      const radius = Math.sqrt(-2 * Math.log(u1));
      spareNormal = radius * Math.sin(2 * Math.PI * u2);
      return radius * Math.cos(2 * Math.PI * u2);
    },
    state: () => ({ words: [a, b, c, d], spareNormal }),
  };
}

/** One FNV-1a byte step. */
function fnvByte(h: number, byte: number): number {
  return Math.imul(h ^ (byte & 0xff), 0x01000193);
}

/**
 * Deterministic 32-bit unsigned hash of the parts, e.g. deriveSeed(studySeed, trialId, 'init').
 * Each part is tagged with its type and terminated, so (1, 2) differs from (12) and from ('1', 2).
 */
export function deriveSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `n${part}` : `s${part}`;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i); // UTF-16 unit, hashed as two bytes
      h = fnvByte(fnvByte(h, code), code >>> 8);
    }
    h = fnvByte(h, 0x1f); // unit separator between parts
  }
  // murmur3 fmix32: FNV alone leaves the low bits weakly mixed for short inputs.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fisher-Yates (Durstenfeld) shuffle; returns the same array, with its own type, for chaining. */
export function shuffleInPlace(items: Int32Array, rng: Rng): Int32Array;
export function shuffleInPlace<T>(items: T[], rng: Rng): T[];
export function shuffleInPlace<T>(items: T[] | Int32Array, rng: Rng): T[] | Int32Array;
export function shuffleInPlace<T>(items: T[] | Int32Array, rng: Rng): T[] | Int32Array {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
