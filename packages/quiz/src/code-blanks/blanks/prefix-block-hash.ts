import { TODO_BEGIN, TODO_END } from '../template.ts';
import type { CodeBlank } from '../types.ts';

export const prefixBlockHashBlank: CodeBlank = {
  id: 'prefix-block-hash',
  title: { 'zh-TW': 'Prefix caching：區塊雜湊的鏈結', en: 'Prefix caching: chained block hashes' },
  statement: {
    'zh-TW': `vLLM 的 prefix caching 把 KV cache 切成每 $B$ 個 token 一塊，以雜湊找出可重用的區塊。一個區塊的 KV 取決於它**之前所有**的 token，所以雜湊必須鏈結：

$$h_0 = \\mathrm{hash}(\\mathrm{ROOT\\_HASH}, t_0 \\dots t_{B-1}),\\qquad h_i = \\mathrm{hash}(h_{i-1},\\; t_{iB} \\dots t_{iB+B-1})$$

其中 $\\mathrm{hash}(parent, tokens)$ = \`fnv1a32([parent, ...tokens])\`（已提供：32 位元 FNV-1a，每個數字以 4 個 little-endian 位元組輸入，結果為 0 到 $2^{32}-1$ 的整數），\`ROOT_HASH = 0\`。

請完成 \`blockHashes(tokens, blockSize)\`：回傳每個**完整**區塊的雜湊 $h_0, h_1, \\dots$；最後不滿 $B$ 個 token 的區塊不計算（它還會再長，不能被共用）。

評分器會用你的雜湊驅動一個分頁式 prefix cache，以 kjv 模型的 tokenizer 編碼共用前綴的提示詞，檢查重用的區塊正確。`,
    en: `vLLM's prefix caching splits the KV cache into blocks of $B$ tokens and finds reusable blocks by hash. A block's keys and values depend on **every** token before it, so the hashes are chained:

$$h_0 = \\mathrm{hash}(\\mathrm{ROOT\\_HASH}, t_0 \\dots t_{B-1}),\\qquad h_i = \\mathrm{hash}(h_{i-1},\\; t_{iB} \\dots t_{iB+B-1})$$

where $\\mathrm{hash}(parent, tokens)$ = \`fnv1a32([parent, ...tokens])\` (provided: 32-bit FNV-1a, each number fed as 4 little-endian bytes, result an integer from 0 to $2^{32}-1$) and \`ROOT_HASH = 0\`.

Complete \`blockHashes(tokens, blockSize)\`: return the hashes $h_0, h_1, \\dots$ of every **full** block; a last block with fewer than $B$ tokens gets none (it will still grow, so it cannot be shared).

The grader drives a paged prefix cache with your hashes on prompts that share prefixes, encoded by the kjv model's tokenizer, and checks that exactly the right blocks are reused.`,
  },
  template: `// Prefix caching: chained hashes of full KV-cache blocks.

export const ROOT_HASH = 0;

/** 32-bit FNV-1a over 32-bit words, each fed as 4 little-endian bytes; an unsigned result. */
export function fnv1a32(words: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const word of words) {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (word >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** h_i = fnv1a32([h_(i−1), ...block i]) with h_(−1) = ROOT_HASH, for every full block. */
export function blockHashes(tokens: readonly number[], blockSize: number): number[] {
  ${TODO_BEGIN}
  throw new Error('TODO: hash each full block, chained to the previous block hash');
  ${TODO_END}
}
`,
  signature: 'blockHashes(tokens: readonly number[], blockSize: number): number[]',
  entryPoints: ['blockHashes'],
  tests: [
    {
      id: 'worked-example',
      title: { 'zh-TW': '範例：tokens 1…8、B = 4', en: 'Worked example: tokens 1…8, B = 4' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'partial-block',
      title: { 'zh-TW': '不完整的最後區塊沒有雜湊', en: 'A partial last block gets no hash' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'random-sequences',
      title: { 'zh-TW': '隨機序列與參考相同', en: 'Random sequences match the reference' },
      hidden: true,
      weight: 2,
    },
    {
      id: 'chaining',
      title: {
        'zh-TW': '前面區塊改變時，後面所有雜湊都改變',
        en: 'Changing an earlier block changes every later hash',
      },
      hidden: true,
      weight: 1,
    },
    {
      id: 'prefix-cache-reuse',
      title: {
        'zh-TW': '分頁式 prefix cache 重用正確的區塊（kjv tokenizer）',
        en: 'A paged prefix cache reuses exactly the shared blocks (kjv tokenizer)',
      },
      hidden: true,
      weight: 2,
    },
  ],
  points: 1,
};
