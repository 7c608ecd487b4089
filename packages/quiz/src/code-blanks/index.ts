// The HW3 code blanks: the handout's two (speculative sampling) and three that touch the engine.
import { flashOnlineSoftmaxBlank } from './blanks/flash-online-softmax.ts';
import { ngramLookupBlank } from './blanks/ngram-lookup.ts';
import { prefixBlockHashBlank } from './blanks/prefix-block-hash.ts';
import { specAcceptRatioBlank } from './blanks/spec-accept-ratio.ts';
import { specResidualBlank } from './blanks/spec-residual.ts';
import type { CodeBlank } from './types.ts';

export const hw3CodeBlanks: readonly CodeBlank[] = [
  specResidualBlank,
  specAcceptRatioBlank,
  flashOnlineSoftmaxBlank,
  prefixBlockHashBlank,
  ngramLookupBlank,
];

export function findCodeBlank(id: string): CodeBlank | undefined {
  return hw3CodeBlanks.find((blank) => blank.id === id);
}

/** Points a submission earns: the blank's points times the passed share of test weight. */
export function codeScore(blank: CodeBlank, passedIds: ReadonlySet<string>): number {
  let total = 0;
  let passed = 0;
  for (const test of blank.tests) {
    total += test.weight;
    if (passedIds.has(test.id)) passed += test.weight;
  }
  return Math.round((blank.points * passed * 1000) / total) / 1000;
}

export { referenceSolutions } from './reference/index.ts';
export * from './schema.ts';
export * from './template.ts';
export * from './types.ts';
export * from './visibility.ts';
