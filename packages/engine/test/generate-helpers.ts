// Loads llama2.c's stories260K for the generation tests (skipping with a reason where it is absent).
import { join } from 'node:path';
import { LlamaModel } from '../src/model/llama.ts';
import type { CausalLM, Tokenizer } from '../src/model/types.ts';
import { readLlama2cTokenizer } from '../src/tokenizer/llama2c.ts';
import { readLlama2cCheckpoint } from '../src/weights/llama2c.ts';
import { missing, stories260KDir } from './fixtures/paths.ts';

export const stories260KAbsent = missing(stories260KDir, ['checkpoint_v1.bin', 'tokenizer.bin']);

export async function loadStories260K(): Promise<{ model: CausalLM; tokenizer: Tokenizer }> {
  const { config, weights } = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_v1.bin'));
  const model = new LlamaModel('stories260K', config, weights);
  const tokenizer = await readLlama2cTokenizer(join(stories260KDir, 'tokenizer.bin'), config.vocabSize);
  return { model, tokenizer };
}
