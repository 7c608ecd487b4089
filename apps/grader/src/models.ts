// The models the engine checks run on, loaded once per worker process: the project's kjv
// target/draft pair (speculative sampling, n-gram lookup), and kjv-draft once more with an attention
// kernel whose block update is swapped per submission (FlashAttention blank). All are committed in
// packages/engine/models, so a grader needs nothing from outside the repository.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CausalLM, type Kernels, loadModel, referenceKernels, type Tokenizer } from '@infer-lab/engine';
import { type BlockUpdate, tiledAttention } from './checks/tiled-attention.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const modelPaths = {
  kjvTarget: process.env.GRADER_KJV_TARGET ?? join(repoRoot, 'packages/engine/models/kjv-target'),
  kjvDraft: process.env.GRADER_KJV_DRAFT ?? join(repoRoot, 'packages/engine/models/kjv-draft'),
};

export interface GraderModels {
  kjv(): Promise<{ target: CausalLM; draft: CausalLM; tokenizer: Tokenizer }>;
  /** kjv-draft twice: with the reference kernels, and with tiled attention calling `setUpdate`'s function. */
  flashAttention(): Promise<{
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
  let flash: ReturnType<GraderModels['flashAttention']> | undefined;
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
    flashAttention() {
      flash ??= (async () => {
        if (!existsSync(modelPaths.kjvDraft))
          throw new Error(`grader: model folder ${modelPaths.kjvDraft} is missing`);
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
          loadModel(modelPaths.kjvDraft, { kernels: referenceKernels }),
          loadModel(modelPaths.kjvDraft, { kernels }),
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
      return flash;
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
