// Checks of the prefix-caching blank: exact chained FNV-1a hashes, and a paged prefix cache driven by
// the student's hashes on kjv-tokenized prompts that share prefixes.
import { Rng } from '@infer-lab/engine';
import type { Sandbox } from '../sandbox/sandbox.ts';
import { type Check, fail, show } from './types.ts';

export function fnv1a32(words: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const word of words) {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (word >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

export function referenceBlockHashes(tokens: readonly number[], blockSize: number): number[] {
  const hashes: number[] = [];
  let parent = 0;
  for (let start = 0; start + blockSize <= tokens.length; start += blockSize) {
    parent = fnv1a32([parent, ...tokens.slice(start, start + blockSize)]);
    hashes.push(parent);
  }
  return hashes;
}

function studentHashes(sandbox: Sandbox, tokens: readonly number[], blockSize: number): number[] {
  const got = sandbox.call('blockHashes', [tokens, blockSize]);
  if (!Array.isArray(got) || got.some((h) => typeof h !== 'number'))
    fail(`blockHashes(${show(tokens)}, ${blockSize}) returned ${show(got)}; expected an array of numbers`);
  return got as number[];
}

function expectHashes(sandbox: Sandbox, tokens: readonly number[], blockSize: number): void {
  const got = studentHashes(sandbox, tokens, blockSize);
  const want = referenceBlockHashes(tokens, blockSize);
  if (got.length !== want.length)
    fail(
      `blockHashes(${show(tokens)}, ${blockSize}) returned ${got.length} hashes; expected ${want.length} (one per full block)`,
    );
  const at = want.findIndex((h, i) => got[i] !== h);
  if (at >= 0)
    fail(`blockHashes(${show(tokens)}, ${blockSize}): hash ${at} is ${show(got[at])}; expected ${want[at]}`);
}

const PROMPTS = [
  'In the beginning God created the heaven and the earth. And the earth was without form, and void.',
  'In the beginning God created the heaven and the earth. And God said, Let there be light.',
  'In the beginning was the Word, and the Word was with God, and the Word was God.',
  'And God said, Let there be light: and there was light.',
];

export const prefixHashChecks: Record<string, Check> = {
  'worked-example': ({ sandbox }) => {
    expectHashes(sandbox, [1, 2, 3, 4, 5, 6, 7, 8], 4);
    return `hashes ${referenceBlockHashes([1, 2, 3, 4, 5, 6, 7, 8], 4).join(', ')}`;
  },
  'partial-block': ({ sandbox }) => {
    expectHashes(sandbox, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], 4);
    expectHashes(sandbox, [1, 2, 3], 4);
    return 'only full blocks are hashed';
  },
  'random-sequences': ({ sandbox }) => {
    const rng = new Rng(17);
    for (let c = 0; c < 60; c++) {
      const tokens = Array.from(
        { length: rng.nextUint32() % 70 },
        () => rng.nextUint32() % (c % 2 ? 50_000 : 2_048),
      );
      expectHashes(sandbox, tokens, 1 + (rng.nextUint32() % 16));
    }
    return '60 random sequences match';
  },
  chaining: ({ sandbox }) => {
    const base = Array.from({ length: 32 }, (_, i) => (i * 7) % 13);
    const early = [...base];
    early[2] = 99;
    const late = [...base];
    late[20] = 99;
    const [h, he, hl] = [base, early, late].map((t) => studentHashes(sandbox, t, 8));
    if (h!.some((x, i) => x === he![i]))
      fail('changing a token of block 0 must change every block hash (each hash chains its parent)');
    if (h![0] !== hl![0] || h![1] !== hl![1] || h![2] === hl![2])
      fail('changing a token of block 2 must keep blocks 0–1 and change block 2 onwards');
    const repeated = studentHashes(sandbox, [5, 5, 5, 5, 5, 5, 5, 5], 4);
    if (repeated[0] === repeated[1])
      fail(
        'two identical blocks at different positions got the same hash; the parent hash must be part of it',
      );
    return 'hashes chain their parents';
  },
  'prefix-cache-reuse': async ({ sandbox, models }) => {
    const { tokenizer } = await models.kjv();
    const blockSize = 4;
    const cache = new Set<number>();
    for (const prompt of PROMPTS) {
      const tokens = tokenizer.encode(prompt);
      const hashes = studentHashes(sandbox, tokens, blockSize);
      const reuse = hashes.findIndex((h) => !cache.has(h));
      const reused = reuse < 0 ? hashes.length : reuse;
      let expected = 0;
      for (const earlier of PROMPTS.slice(0, PROMPTS.indexOf(prompt))) {
        const other = tokenizer.encode(earlier);
        let shared = 0;
        while (shared < Math.min(tokens.length, other.length) && tokens[shared] === other[shared]) shared++;
        expected = Math.max(expected, Math.floor(shared / blockSize));
      }
      expected = Math.min(expected, Math.floor(tokens.length / blockSize));
      if (reused !== expected)
        fail(
          `"${prompt.slice(0, 40)}…": the cache found ${reused} reusable blocks; ${expected} are shared with earlier prompts`,
        );
      for (const h of hashes) cache.add(h);
    }
    return 'the prefix cache reuses exactly the shared full blocks';
  },
};
