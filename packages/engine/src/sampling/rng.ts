// Seeded random numbers: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix64, the
// seeding its authors recommend. Same seed → same stream on every platform.

const MASK64 = (1n << 64n) - 1n;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** One splitmix64 step; returns the new state and its 64-bit output. */
function splitmix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

export class Rng {
  // The four 32-bit words of xoshiro128**'s state, kept as uint32 numbers.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** `seed`: any safe integer (negative seeds are taken modulo 2^64). */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`RNG seed must be a safe integer, got ${seed}`);
    const [state1, first] = splitmix64(BigInt.asUintN(64, BigInt(seed)));
    const [, second] = splitmix64(state1);
    this.s0 = Number(first & 0xffffffffn);
    this.s1 = Number(first >> 32n);
    this.s2 = Number(second & 0xffffffffn);
    this.s3 = Number(second >> 32n);
  }

  /** Next 32-bit unsigned integer (the reference C code, line by line). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float in [0, 1) with 32 random bits. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }
}
