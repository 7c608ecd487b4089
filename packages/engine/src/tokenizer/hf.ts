// tokenizer.json of a Hugging Face model folder, run by @huggingface/transformers' AutoTokenizer
// (local files only), behind our Tokenizer interface.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { describeError, EngineError } from '../errors.ts';
import type { Tokenizer } from '../model/types.ts';

export class HfTokenizer implements Tokenizer {
  readonly vocabSize: number;
  readonly bosTokenId: number;
  readonly eosTokenId: number;

  constructor(
    readonly inner: PreTrainedTokenizer,
    fallback: { bosTokenId: number; eosTokenId: number },
  ) {
    this.vocabSize = inner.get_vocab().size;
    this.bosTokenId = inner.bos_token_id ?? fallback.bosTokenId;
    this.eosTokenId = inner.eos_token_id ?? fallback.eosTokenId;
  }

  /** Token ids of the text, with BOS in front unless `bos: false` (whatever tokenizer.json's post-processor adds). */
  encode(text: string, options: { bos?: boolean } = {}): number[] {
    const ids = this.inner.encode(text, { add_special_tokens: false });
    return (options.bos ?? true) ? [this.bosTokenId, ...ids] : ids;
  }

  /** Text of the tokens, special tokens (BOS, EOS, padding) left out. */
  decode(tokens: readonly number[]): string {
    return this.inner.decode([...tokens], { skip_special_tokens: true });
  }
}

export async function readHfTokenizer(
  dir: string,
  fallback: { bosTokenId: number; eosTokenId: number },
): Promise<HfTokenizer> {
  const folder = resolve(dir);
  if (!existsSync(join(folder, 'tokenizer.json'))) throw new EngineError(`${folder} has no tokenizer.json`);
  const { AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false; // a local folder never triggers a download
  try {
    const inner = await AutoTokenizer.from_pretrained(folder, { local_files_only: true });
    return new HfTokenizer(inner, fallback);
  } catch (error) {
    throw new EngineError(`Cannot load the tokenizer in ${folder}: ${describeError(error)}`, {
      cause: error,
    });
  }
}
