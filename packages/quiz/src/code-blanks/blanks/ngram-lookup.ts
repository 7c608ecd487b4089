import { TODO_BEGIN, TODO_END } from '../template.ts';
import type { CodeBlank } from '../types.ts';

export const ngramLookupBlank: CodeBlank = {
  id: 'ngram-lookup',
  title: { 'zh-TW': 'N-gram prompt lookup drafter', en: 'The n-gram prompt-lookup drafter' },
  statement: {
    'zh-TW': `Prompt lookup（"Inference with Reference"、vLLM 的 ngram proposer）不需要 draft model：在「提示詞 + 已生成的文字」中，找出最後 $n$ 個 token 先前出現的位置，提出其後的 token 當作 draft。

請完成 \`proposeByLookup(context, gamma, minN, maxN)\`：
1. 依序嘗試 $n$ = \`min(maxN, context.length − 1)\` 遞減到 \`minN\`（較長的比對優先）。
2. 對每個 $n$，令後綴為 \`context\` 的最後 $n$ 個 token；從**最近**的位置往前找它更早的出現（起點 \`start\` 從 \`context.length − n − 1\` 遞減到 0，後綴本身不算）。
3. 第一個找到的出現：回傳緊接在它之後的 token，最多 \`gamma\` 個，且不超過 \`context\` 的結尾。
4. 都找不到時回傳 \`[]\`。

評分器會把你的函式包成引擎的 \`Drafter\`，在 kjv target 模型上做 greedy 投機解碼，檢查輸出與每一步的 draft 都與引擎的 \`NgramDrafter\` 相同。`,
    en: `Prompt lookup ("Inference with Reference", vLLM's ngram proposer) needs no draft model: find the last $n$ tokens of prompt + generated text earlier in it, and propose the tokens that followed.

Complete \`proposeByLookup(context, gamma, minN, maxN)\`:
1. Try $n$ = \`min(maxN, context.length − 1)\` down to \`minN\` (longer matches first).
2. For each $n$ the suffix is the last $n$ tokens of \`context\`; look for an earlier occurrence, the **most recent** first (\`start\` from \`context.length − n − 1\` down to 0; the suffix itself does not count).
3. At the first occurrence found, return the tokens right after it, at most \`gamma\` of them and never past the end of \`context\`.
4. Return \`[]\` when nothing matches.

The grader wraps your function as the engine's \`Drafter\` and runs greedy speculative decoding on the kjv target model, checking that the output and every step's draft equal the engine's \`NgramDrafter\`.`,
  },
  template: `// Prompt lookup: propose the tokens that followed the latest earlier occurrence of the context's suffix.

/** Up to gamma tokens after the most recent earlier match of the last n tokens, n = maxN … minN. */
export function proposeByLookup(
  context: readonly number[],
  gamma: number,
  minN: number,
  maxN: number,
): number[] {
  ${TODO_BEGIN}
  throw new Error('TODO: longest suffix first, most recent occurrence first');
  ${TODO_END}
}
`,
  signature:
    'proposeByLookup(context: readonly number[], gamma: number, minN: number, maxN: number): number[]',
  entryPoints: ['proposeByLookup'],
  tests: [
    {
      id: 'worked-example',
      title: { 'zh-TW': '範例：[1, 2, 3, 4, 1, 2]、γ = 3', en: 'Worked example: [1, 2, 3, 4, 1, 2], γ = 3' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'no-match',
      title: { 'zh-TW': '沒有比對時回傳 []', en: 'No match returns []' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'random-contexts',
      title: { 'zh-TW': '隨機 context 與參考相同', en: 'Random contexts match the reference' },
      hidden: true,
      weight: 2,
    },
    {
      id: 'longest-first',
      title: {
        'zh-TW': '較長的比對優先、γ 與結尾的限制',
        en: 'Longer matches first; γ and end-of-context limits',
      },
      hidden: true,
      weight: 1,
    },
    {
      id: 'engine-greedy',
      title: {
        'zh-TW': '引擎的 greedy 投機解碼（kjv target）與 NgramDrafter 相同',
        en: 'Engine greedy speculative decoding (kjv target) equals NgramDrafter',
      },
      hidden: true,
      weight: 2,
    },
  ],
  points: 1,
};
