import { TODO_BEGIN, TODO_END } from '../template.ts';
import type { CodeBlank } from '../types.ts';

export const specResidualBlank: CodeBlank = {
  id: 'spec-residual',
  title: { 'zh-TW': '投機取樣：拒絕後的殘差分佈', en: 'Speculative sampling: the residual distribution' },
  statement: {
    'zh-TW': `當 target model 拒絕 draft 的 token 時，要從**殘差分佈**重新取樣，輸出才會與 target 的分佈完全相同（Leviathan et al. 2023；Chen et al. 2023）：

$$p'(x) = \\frac{\\max(0,\\, p(x) - q(x))}{\\sum_y \\max(0,\\, p(y) - q(y))}$$

請完成 \`residualDistribution(p, q)\`：\`p\` 是 target 的分佈、\`q\` 是 draft 的分佈（長度相同，各自總和為 1）。回傳正規化後的 \`max(0, p − q)\`；若它的總和為 0（\`p = q\`），回傳在 \`argmax p\` 為 1、其他為 0 的分佈（\`argmax\` 已提供）。不要修改 \`p\` 與 \`q\`。

評分器會把你的函式接進引擎真正的投機取樣迴圈（本專案的 kjv target/draft 模型），並以統計檢定確認輸出分佈不變（lossless）。`,
    en: `When the target model rejects a drafted token, speculative sampling resamples from the **residual distribution**, which keeps the output distributed exactly as the target's (Leviathan et al. 2023; Chen et al. 2023):

$$p'(x) = \\frac{\\max(0,\\, p(x) - q(x))}{\\sum_y \\max(0,\\, p(y) - q(y))}$$

Complete \`residualDistribution(p, q)\`: \`p\` is the target's distribution, \`q\` the draft's (same length, each sums to 1). Return \`max(0, p − q)\` normalised; when it sums to 0 (\`p = q\`), return the distribution that is 1 at \`argmax p\` and 0 elsewhere (\`argmax\` is provided). Do not modify \`p\` or \`q\`.

The grader plugs your function into the engine's real speculative sampling loop (the project's kjv target/draft pair) and tests statistically that the output distribution is unchanged (lossless).`,
  },
  template: `// Speculative sampling: the distribution to resample from after a rejection.

/** norm(max(0, p − q)); one-hot at argmax p when max(0, p − q) sums to 0. */
export function residualDistribution(p: Float32Array, q: Float32Array): Float32Array {
  ${TODO_BEGIN}
  throw new Error('TODO: diff = max(0, p − q), normalise it, fall back to argmax p');
  ${TODO_END}
}

/** Index of the largest value (the first one on ties). */
function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
`,
  signature: 'residualDistribution(p: Float32Array, q: Float32Array): Float32Array',
  entryPoints: ['residualDistribution'],
  tests: [
    {
      id: 'worked-example',
      title: {
        'zh-TW': '範例：p = [0.5, 0.3, 0.2]、q = [0.2, 0.5, 0.3]',
        en: 'Worked example: p = [0.5, 0.3, 0.2], q = [0.2, 0.5, 0.3]',
      },
      hidden: false,
      weight: 1,
    },
    {
      id: 'equal-distributions',
      title: { 'zh-TW': 'p = q 時回退到 argmax p', en: 'p = q falls back to argmax p' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'random-cases',
      title: { 'zh-TW': '隨機分佈與參考答案一致', en: 'Random distributions match the reference' },
      hidden: true,
      weight: 2,
    },
    {
      id: 'valid-distribution',
      title: {
        'zh-TW': '輸出是合法分佈，且在 p ≤ q 處為 0',
        en: 'Output is a distribution, zero where p ≤ q',
      },
      hidden: true,
      weight: 1,
    },
    {
      id: 'inputs-untouched',
      title: { 'zh-TW': '不修改 p 與 q', en: 'p and q are left unchanged' },
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
        'zh-TW': '統計檢定：輸出分佈與 target 相同',
        en: 'Statistical test: output distributed as the target',
      },
      hidden: true,
      weight: 2,
    },
  ],
  points: 1,
};
