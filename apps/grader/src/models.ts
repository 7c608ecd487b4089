// The models the engine checks run on, loaded once per worker process: the project's kjv
// target/draft pair (speculative sampling, n-gram lookup) and llama2.c's stories260K with an
// attention kernel whose block update is swapped per submission (FlashAttention blank).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CausalLM, type Kernels, loadModel, referenceKernels, type Tokenizer } from '@infer-lab/engine';
import { type BlockUpdate, tiledAttention } from './checks/tiled-attention.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const modelPaths = {
  kjvTarget: process.env.GRADER_KJV_TARGET ?? join(repoRoot, 'packages/engine/models/kjv-target'),
  kjvDraft: process.env.GRADER_KJV_DRAFT ?? join(repoRoot, 'packages/engine/models/kjv-draft'),
  stories: process.env.GRADER_STORIES ?? join(repoRoot, '../shared/models/stories260K/checkpoint_v1.bin'),
};

export interface GraderModels {
  kjv(): Promise<{ target: CausalLM; draft: CausalLM; tokenizer: Tokenizer }>;
  /** stories260K twice: with the reference kernels, and with tiled attention calling `setUpdate`'s function. */
  stories(): Promise<{
    reference: CausalLM;
    tiled: CausalLM;
    tokenizer: Tokenizer;
    setUpdate(update: BlockUpdate): void;
  }>;
  /** Memo for reference outputs that depend only on the models (computed once per worker). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createGraderModels(): GraderModels {
  let kjv: ReturnType<GraderModels['kjv']> | undefined;
  let stories: ReturnType<GraderModels['stories']> | undefined;
  const memos = new Map<string, Promise<unknown>>();
  return {
    kjv() {
      kjv ??= (async () => {
        for (const path of [modelPaths.kjvTarget, modelPaths.kjvDraft]) {
          if (!existsSync(path)) throw new Error(`grader: model folder ${path} is missing`);
        }
        const [target, draft] = await Promise.all([
          loadModel(modelPaths.kjvTarget),
          loadModel(modelPaths.kjvDraft),
        ]);
        return { target: target.model, draft: draft.model, tokenizer: target.tokenizer };
      })();
      return kjv;
    },
    stories() {
      stories ??= (async () => {
        if (!existsSync(modelPaths.stories))
          throw new Error(`grader: model ${modelPaths.stories} is missing`);
        let update: BlockUpdate | undefined;
        const kernels: Kernels = {
          ...referenceKernels,
          name: 'tiled attention (student block update)',
          attention: (out, q, keys, values, rows, start, shape) => {
            if (!update) throw new Error('grader: no block update set for tiled attention');
            tiledAttention(out, q, keys, values, rows, start, shape, update);
          },
        };
        const [reference, tiled] = await Promise.all([
          loadModel(modelPaths.stories, { kernels: referenceKernels }),
          loadModel(modelPaths.stories, { kernels }),
        ]);
        return {
          reference: reference.model,
          tiled: tiled.model,
          tokenizer: reference.tokenizer,
          setUpdate: (next: BlockUpdate) => {
            update = next;
          },
        };
      })();
      return stories;
    },
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let value = memos.get(key);
      if (!value) {
        value = compute();
        memos.set(key, value);
      }
      return value as Promise<T>;
    },
  };
}
