import { ngramChecks } from './ngram.ts';
import { onlineSoftmaxChecks } from './online-softmax.ts';
import { prefixHashChecks } from './prefix-hash.ts';
import { acceptRatioChecks, residualChecks } from './speculative.ts';
import type { Check } from './types.ts';

/** One check per test id of each blank in @infer-lab/quiz (a test proves none is missing). */
export const checksByBlank: Record<string, Record<string, Check>> = {
  'spec-residual': residualChecks,
  'spec-accept-ratio': acceptRatioChecks,
  'flash-online-softmax': onlineSoftmaxChecks,
  'prefix-block-hash': prefixHashChecks,
  'ngram-lookup': ngramChecks,
};
