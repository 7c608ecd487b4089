// Checks of the n-gram prompt-lookup blank: against the engine's proposeByLookup, and as a Drafter in
// the engine's greedy speculative loop on the kjv target.
import { type Drafter, generate, NgramDrafter, proposeByLookup, Rng } from '@infer-lab/engine';
import type { Sandbox } from '../sandbox/sandbox.ts';
import { type Check, fail, show } from './types.ts';

function studentProposal(
  sandbox: Sandbox,
  context: readonly number[],
  gamma: number,
  minN: number,
  maxN: number,
): number[] {
  const what = `proposeByLookup(${show(context)}, ${gamma}, ${minN}, ${maxN})`;
  const got = sandbox.call('proposeByLookup', [context, gamma, minN, maxN]);
  if (!Array.isArray(got) || got.some((t) => !Number.isInteger(t)))
    fail(`${what} returned ${show(got)}; expected an array of token ids`);
  return got as number[];
}

function expectProposal(
  sandbox: Sandbox,
  context: readonly number[],
  gamma: number,
  minN = 1,
  maxN = 3,
): void {
  const got = studentProposal(sandbox, context, gamma, minN, maxN);
  const want = proposeByLookup(context, gamma, minN, maxN);
  if (got.join() !== want.join())
    fail(
      `proposeByLookup(${show(context)}, ${gamma}, ${minN}, ${maxN}) returned ${show(got)}; expected ${show(want)}`,
    );
}

const PROMPTS = [
  'And the LORD said unto Moses, And the LORD said unto',
  'the heaven and the earth, and the heaven and the',
];

export const ngramChecks: Record<string, Check> = {
  'worked-example': ({ sandbox }) => {
    expectProposal(sandbox, [1, 2, 3, 4, 1, 2], 3);
    return '[1, 2] occurred before, followed by [3, 4, 1]';
  },
  'no-match': ({ sandbox }) => {
    expectProposal(sandbox, [1, 2, 3, 4, 5], 3);
    expectProposal(sandbox, [7], 3);
    expectProposal(sandbox, [], 3);
    return 'nothing matches: []';
  },
  'random-contexts': ({ sandbox }) => {
    const rng = new Rng(123);
    for (let c = 0; c < 120; c++) {
      const context = Array.from({ length: rng.nextUint32() % 30 }, () => rng.nextUint32() % (2 + (c % 5)));
      const minN = 1 + (rng.nextUint32() % 2);
      expectProposal(sandbox, context, 1 + (rng.nextUint32() % 6), minN, minN + (rng.nextUint32() % 3));
    }
    return '120 random contexts match';
  },
  'longest-first': ({ sandbox }) => {
    expectProposal(sandbox, [1, 2, 3, 9, 5, 3, 7, 2, 3], 2);
    expectProposal(sandbox, [4, 5, 6, 4, 5], 10);
    expectProposal(sandbox, [8, 8, 8, 8], 3, 2, 2);
    return 'the longest suffix wins; proposals stop at γ and at the end of the context';
  },
  'engine-greedy': async ({ sandbox, models }) => {
    const { target, tokenizer } = await models.kjv();
    for (const prompt of PROMPTS) {
      const mismatches: string[] = [];
      const drafter: Drafter = {
        name: 'student n-gram lookup',
        forwardCount: 0,
        async propose(context, gamma) {
          const tokens = studentProposal(sandbox, context, gamma, 1, 3);
          const want = proposeByLookup(context, gamma, 1, 3);
          if (tokens.join() !== want.join() && mismatches.length === 0) {
            mismatches.push(
              `after ${context.length} tokens you proposed ${show(tokens)}; NgramDrafter proposes ${show(want)}`,
            );
          }
          if (tokens.length > gamma || tokens.some((t) => t < 0 || t >= target.config.vocabSize)) {
            fail(`proposed ${show(tokens)} for γ = ${gamma}: at most γ ids below ${target.config.vocabSize}`);
          }
          return { tokens };
        },
      };
      const run = (d: Drafter) =>
        generate({ target, tokenizer, prompt, maxTokens: 24, drafter: d, gamma: 4 });
      const want = await run(new NgramDrafter());
      const got = await run(drafter);
      if (mismatches.length > 0) fail(`"${prompt}": ${mismatches[0]}`);
      if (got.tokens.join() !== want.tokens.join())
        fail(`"${prompt}": output differs from the engine's NgramDrafter run`);
      if (got.metrics.accepted !== want.metrics.accepted)
        fail(
          `"${prompt}": ${got.metrics.accepted} drafts accepted; NgramDrafter gets ${want.metrics.accepted}`,
        );
    }
    return `greedy speculative decoding of ${PROMPTS.length} prompts matches NgramDrafter step by step`;
  },
};
