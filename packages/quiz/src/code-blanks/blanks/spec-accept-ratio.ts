import { TODO_BEGIN, TODO_END } from '../template.ts';
import type { CodeBlank } from '../types.ts';

export const specAcceptRatioBlank: CodeBlank = {
  id: 'spec-accept-ratio',
  title: {
    'zh-TW': '投機取樣：接受機率與 Bernoulli 接受',
    en: 'Speculative sampling: accept ratio and Bernoulli accept',
  },
  statement: {
    'zh-TW': `target 以機率 $\\min\\!\\left(1, \\frac{p(x)}{q(x)}\\right)$ 接受 draft 提出的 token $x$。

請完成兩個函式：
- \`acceptRatio(px, qx)\`：回傳 $\\min(1, p(x)/q(x))$。\`qx > 0\`（$x$ 是從 $q$ 抽出的）；\`px\` 可能為 0。結果必須是介於 0 與 1 之間的機率。
- \`acceptDraft(ratio, u)\`：Bernoulli 接受。\`u\` 是 $[0, 1)$ 上均勻分佈的亂數；當且僅當 \`u < ratio\` 時回傳 \`true\`（與講義的 \`torch.rand_like(ratio) < ratio\` 相同）。

評分器會把 \`acceptRatio\` 接進引擎真正的投機取樣迴圈（kjv 模型），並以統計檢定確認它是合法的機率、輸出分佈不變；未夾到 1 的比值會被判定錯誤。`,
    en: `The target accepts a drafted token $x$ with probability $\\min\\!\\left(1, \\frac{p(x)}{q(x)}\\right)$.

Complete two functions:
- \`acceptRatio(px, qx)\`: return $\\min(1, p(x)/q(x))$. \`qx > 0\` ($x$ was drawn from $q$); \`px\` may be 0. The result must be a probability between 0 and 1.
- \`acceptDraft(ratio, u)\`: the Bernoulli accept. \`u\` is uniform on $[0, 1)$; return \`true\` exactly when \`u < ratio\` (as the handout's \`torch.rand_like(ratio) < ratio\`).

The grader plugs \`acceptRatio\` into the engine's real speculative sampling loop (the kjv pair) and tests statistically that it is a probability and that the output distribution is unchanged; an unclamped ratio fails.`,
  },
  template: `// Speculative sampling: accept a drafted token x with probability min(1, p(x)/q(x)).

${TODO_BEGIN}
/** min(1, p(x)/q(x)); qx > 0. */
export function acceptRatio(px: number, qx: number): number {
  throw new Error('TODO');
}

/** The Bernoulli accept: true exactly when u < ratio (u uniform on [0, 1)). */
export function acceptDraft(ratio: number, u: number): boolean {
  throw new Error('TODO');
}
${TODO_END}
`,
  signature: 'acceptRatio(px: number, qx: number): number\nacceptDraft(ratio: number, u: number): boolean',
  entryPoints: ['acceptRatio', 'acceptDraft'],
  tests: [
    {
      id: 'worked-examples',
      title: {
        'zh-TW': '範例：(0.2, 0.4) → 0.5、(0.6, 0.3) → 1、(0, 0.5) → 0',
        en: 'Examples: (0.2, 0.4) → 0.5, (0.6, 0.3) → 1, (0, 0.5) → 0',
      },
      hidden: false,
      weight: 1,
    },
    {
      id: 'bernoulli-examples',
      title: {
        'zh-TW': 'Bernoulli 接受的邊界（u < ratio）',
        en: 'Bernoulli accept at its boundaries (u < ratio)',
      },
      hidden: false,
      weight: 1,
    },
    {
      id: 'ratio-range',
      title: {
        'zh-TW': '隨機輸入：結果在 [0, 1] 且與參考相同',
        en: 'Random inputs: in [0, 1] and equal to the reference',
      },
      hidden: true,
      weight: 2,
    },
    {
      id: 'bernoulli-frequency',
      title: {
        'zh-TW': '均勻 u 下接受的比例等於 ratio',
        en: 'Over uniform u the accepted share equals the ratio',
      },
      hidden: true,
      weight: 1,
    },
    {
      id: 'engine-sampling',
      title: {
        'zh-TW': '引擎的投機取樣迴圈（kjv 模型）輸出與參考相同',
        en: 'Engine speculative loop (kjv pair) emits the reference tokens',
      },
      hidden: true,
      weight: 2,
    },
    {
      id: 'lossless',
      title: {
        'zh-TW': '統計檢定：是合法機率且輸出分佈與 target 相同',
        en: 'Statistical test: a probability, output distributed as the target',
      },
      hidden: true,
      weight: 2,
    },
  ],
  points: 1,
};
