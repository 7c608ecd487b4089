// Loads llama2.c's stories260K through the engine's loader for the generation tests (skipping with a
// reason where it is absent).
import { join } from 'node:path';
import { loadModel } from '../src/load.ts';
import type { CausalLM, Tokenizer } from '../src/model/types.ts';
import { missing, stories260KDir } from './fixtures/paths.ts';

export const stories260KAbsent = missing(stories260KDir, ['checkpoint_v1.bin', 'tokenizer.bin']);

export async function loadStories260K(): Promise<{ model: CausalLM; tokenizer: Tokenizer }> {
  return loadModel(join(stories260KDir, 'checkpoint_v1.bin'));
}
