// Reference solutions: the TODO region of each blank as the staff wrote it. Server-side only (the
// grader's tests and the seed's self-check); never send these to a browser.

export const referenceSolutions: Record<string, string> = {
  'spec-residual': `
  const diff = new Float32Array(p.length);
  let denom = 0;
  for (let i = 0; i < p.length; i++) {
    diff[i] = Math.max(0, p[i]! - q[i]!);
    denom += diff[i]!;
  }
  if (denom > 0) return diff.map((d) => d / denom);
  const fallback = new Float32Array(p.length);
  fallback[argmax(p)] = 1;
  return fallback;
`,
  'spec-accept-ratio': `
export function acceptRatio(px: number, qx: number): number {
  return Math.min(1, px / qx);
}

export function acceptDraft(ratio: number, u: number): boolean {
  return u < ratio;
}
`,
  'flash-online-softmax': `
  let blockMax = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > blockMax) blockMax = s;
  if (blockMax === Number.NEGATIVE_INFINITY) return state;
  const mNew = Math.max(state.m, blockMax);
  const oldScale = Math.exp(state.m - mNew) * state.l;
  const blockScale = Math.exp(blockMax - mNew);
  const pv = new Float32Array(d);
  let blockSum = 0;
  for (let j = 0; j < scores.length; j++) {
    const weight = Math.exp(scores[j]! - blockMax);
    blockSum += weight;
    for (let i = 0; i < d; i++) pv[i]! += weight * values[j * d + i]!;
  }
  const lNew = oldScale + blockScale * blockSum;
  const o = new Float32Array(d);
  for (let i = 0; i < d; i++) o[i] = (oldScale * state.o[i]! + blockScale * pv[i]!) / lNew;
  return { m: mNew, l: lNew, o };
`,
  'prefix-block-hash': `
  const hashes: number[] = [];
  let parent = ROOT_HASH;
  for (let start = 0; start + blockSize <= tokens.length; start += blockSize) {
    parent = fnv1a32([parent, ...tokens.slice(start, start + blockSize)]);
    hashes.push(parent);
  }
  return hashes;
`,
  'ngram-lookup': `
  const end = context.length;
  for (let n = Math.min(maxN, end - 1); n >= minN; n--) {
    for (let start = end - n - 1; start >= 0; start--) {
      let k = 0;
      while (k < n && context[start + k] === context[end - n + k]) k++;
      if (k === n) return context.slice(start + n, Math.min(start + n + gamma, end));
    }
  }
  return [];
`,
};
