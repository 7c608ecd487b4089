import { TODO_BEGIN, TODO_END } from '../template.ts';
import type { CodeBlank } from '../types.ts';

export const flashOnlineSoftmaxBlank: CodeBlank = {
  id: 'flash-online-softmax',
  title: { 'zh-TW': 'FlashAttention：線上 softmax 更新', en: 'FlashAttention: the online-softmax update' },
  statement: {
    'zh-TW': `FlashAttention 一次只看一個 key/value 區塊，維護一個 query 列的狀態 $(m, \\ell, O)$：目前看過的最大分數 $m$、以 $m$ 為基準的指數和 $\\ell$、以及**已正規化**的輸出 $O$（長度 $d$）。初始狀態為 $m = -\\infty$、$\\ell = 0$、$O = 0$。

給定下一個區塊的分數 $s_1 \\dots s_{B}$（已乘上 $1/\\sqrt{d}$）與其 values $V$（$B \\times d$，列優先），請完成 \`onlineSoftmaxUpdate(state, scores, values, d)\`（FlashAttention 論文 Algorithm 1 第 10–12 行）：

$$\\tilde m = \\max_j s_j,\\quad \\tilde P_j = e^{s_j - \\tilde m},\\quad \\tilde \\ell = \\sum_j \\tilde P_j$$
$$m^{new} = \\max(m, \\tilde m),\\quad \\ell^{new} = e^{m - m^{new}}\\ell + e^{\\tilde m - m^{new}}\\tilde \\ell$$
$$O^{new} = \\frac{e^{m - m^{new}}\\,\\ell\\, O + e^{\\tilde m - m^{new}}\\,\\tilde P V}{\\ell^{new}}$$

回傳新的狀態 \`{ m, l, o }\`。分數可能很大（不可溢位）或為 $-\\infty$（被遮罩）；若整個區塊都是 $-\\infty$，狀態不變。

評分器會用你的更新實作分塊注意力，取代引擎（kjv-draft 模型）的注意力 kernel，並檢查 greedy 生成的輸出與參考完全相同。`,
    en: `FlashAttention reads one key/value block at a time and keeps, per query row, a state $(m, \\ell, O)$: the largest score so far $m$, the sum of exponentials relative to $m$, $\\ell$, and the **normalised** output $O$ (length $d$). It starts at $m = -\\infty$, $\\ell = 0$, $O = 0$.

Given the next block's scores $s_1 \\dots s_{B}$ (already scaled by $1/\\sqrt{d}$) and its values $V$ ($B \\times d$, row-major), complete \`onlineSoftmaxUpdate(state, scores, values, d)\` (FlashAttention, Algorithm 1, lines 10–12):

$$\\tilde m = \\max_j s_j,\\quad \\tilde P_j = e^{s_j - \\tilde m},\\quad \\tilde \\ell = \\sum_j \\tilde P_j$$
$$m^{new} = \\max(m, \\tilde m),\\quad \\ell^{new} = e^{m - m^{new}}\\ell + e^{\\tilde m - m^{new}}\\tilde \\ell$$
$$O^{new} = \\frac{e^{m - m^{new}}\\,\\ell\\, O + e^{\\tilde m - m^{new}}\\,\\tilde P V}{\\ell^{new}}$$

Return the new state \`{ m, l, o }\`. Scores may be large (no overflow allowed) or $-\\infty$ (masked); a block of only $-\\infty$ leaves the state unchanged.

The grader builds tiled attention from your update, swaps it for the engine's attention kernel (the kjv-draft model) and checks that greedy generation emits exactly the reference tokens.`,
  },
  template: `// FlashAttention's online softmax for one query row: fold one key/value block into (m, l, o).

export interface SoftmaxState {
  /** Largest score seen so far (−Infinity before any block). */
  m: number;
  /** Σ e^(s − m) over the scores seen so far. */
  l: number;
  /** Normalised output so far: Σ softmax weight · value row (length d). */
  o: Float32Array;
}

/** scores: this block's B scores; values: its B × d values, row-major. Returns the new state. */
export function onlineSoftmaxUpdate(
  state: SoftmaxState,
  scores: Float32Array,
  values: Float32Array,
  d: number,
): SoftmaxState {
  ${TODO_BEGIN}
  throw new Error('TODO: m̃, P̃, ℓ̃, then m_new, ℓ_new and the rescaled O');
  ${TODO_END}
}
`,
  signature:
    'interface SoftmaxState { m: number; l: number; o: Float32Array }\nonlineSoftmaxUpdate(state: SoftmaxState, scores: Float32Array, values: Float32Array, d: number): SoftmaxState',
  entryPoints: ['onlineSoftmaxUpdate'],
  tests: [
    {
      id: 'one-block',
      title: { 'zh-TW': '單一區塊等於 softmax(s)·V', en: 'One block equals softmax(s)·V' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'two-blocks',
      title: { 'zh-TW': '兩個區塊等於整列的注意力', en: 'Two blocks equal attention over the whole row' },
      hidden: false,
      weight: 1,
    },
    {
      id: 'random-tiles',
      title: { 'zh-TW': '隨機大小與區塊大小', en: 'Random sizes and block sizes' },
      hidden: true,
      weight: 2,
    },
    {
      id: 'large-scores',
      title: { 'zh-TW': '大分數不溢位', en: 'Large scores do not overflow' },
      hidden: true,
      weight: 1,
    },
    {
      id: 'masked-scores',
      title: { 'zh-TW': '−∞（遮罩）分數與全遮罩區塊', en: '−∞ (masked) scores and fully masked blocks' },
      hidden: true,
      weight: 1,
    },
    {
      id: 'engine-greedy',
      title: {
        'zh-TW': '引擎以你的分塊注意力 greedy 生成（kjv-draft）與參考相同',
        en: 'Engine greedy generation with your tiled attention (kjv-draft) equals the reference',
      },
      hidden: true,
      weight: 2,
    },
  ],
  points: 1,
};
