// What the command line accepts; a UsageError prints this and exits with status 2.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usage = `Usage: npm run engine -- generate --model <dir|file|hf:owner/name> --prompt "..." [options]

Options:
  --model <source>      target model: a Hugging Face folder, a llama2.c checkpoint, or hf:owner/name
  --prompt <text>       text to continue (encoded with a leading BOS)
  --draft <source>      speculative decoding with this draft model (same tokenizer)
  --ngram               speculative decoding with prompt lookup (n-gram) drafting
  --ngram-min <n>       shortest n-gram to match (default 1)
  --ngram-max <n>       longest n-gram to match (default 3)
  --gamma <n>           tokens drafted per step (default 4)
  --adaptive            adapt γ: +2 after a fully accepted draft, −1 otherwise, within [1, gamma];
                        drafting pauses (γ = 0, probing now and then) while it is measured to lose time
  --cost-aware          γ in [0, gamma] maximising expected tokens per unit time, from the running
                        acceptance and draft/verify costs measured on these models at start-up
  --temperature <t>     0 = greedy (default 0)
  --top-k <k>           keep the k most likely tokens (default off)
  --top-p <p>           nucleus sampling mass in (0, 1] (default off)
  --seed <n>            random seed (default 1)
  --max-tokens <n>      most tokens to generate (default 128)
  --backend <ts|ort>    who runs the target's forward pass (default ts); also --target-backend
  --draft-backend <ts|ort>  who runs the draft model (default ts: its small forwards cost less there)
  --no-stop             keep generating past EOS
  --json                print one JSON object (text, tokens, metrics) instead of text and table
  -h, --help            this message`;
