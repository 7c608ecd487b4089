// Q16's key is computed: the option nearest to the lab model's HBM reads at N = 1024.
import type { Question } from '../../types.ts';
import { choice, same, text } from '../builders.ts';
import { md } from '../markdown.ts';
import { flashReads, HW3_LAB, nearestOption, tiling } from './flash-attention-io.ts';

const N = 1024;
const OPTION_VALUES = [800_000, 1_000_000, 900_000, 700_000];
const options = OPTION_VALUES.map((value, i) => ({ id: String.fromCharCode(65 + i), value }));

const reads = flashReads(N);
const key = nearestOption(reads, options);
const keyValue = options.find((o) => o.id === key)!.value;
const gap = Math.abs(reads - keyValue) / reads;
const { blockCols, blockRows, colTiles } = tiling(N);
const d = HW3_LAB.headDim;
const M = HW3_LAB.sramElements;
const fmt = (x: number) => x.toLocaleString('en-US');
/** Inside $…$, a bare comma would be spaced as punctuation. */
const tex = (x: number) => fmt(x).replaceAll(',', '{,}');
const percent = `${Math.round(gap * 100)}%`;
const close = gap <= 0.05;

export const q16: Question = {
  id: 'q16',
  number: 16,
  section: 'coding',
  stem: text(
    md`若 sequence length ($N$) 為 1024, 執行 **FlashAttention** 實驗時, 從 HBM 讀取的浮點數數量最接近下列哪一項?`,
    md`If the sequence length ($N$) is 1024, when running the **FlashAttention** experiment, which of the following is closest to the number of floating-point values read from HBM?`,
  ),
  parts: [choice({ choose: 1, key: [key], options: OPTION_VALUES.map((value) => same(fmt(value))) })],
  explanation: {
    'zh-TW': md`
      答案是 ${key} (${fmt(keyValue)})。這個數字依 FlashAttention 實驗的設定而定, 這裡採用的設定是: 每個 head 的維度 $d = ${d}$、以 fp16 儲存、SRAM 大小 $M$ = T4 每個 SM 的 64 KiB shared memory = ${fmt(M)} 個元素。

      依 Algorithm 1: $B_c = \lceil M / 4d \rceil = ${blockCols}$、$B_r = \min(B_c, d) = ${blockRows}$、$T_c = \lceil N / B_c \rceil = ${colTiles}$。$\mathbf{K}, \mathbf{V}$ 各讀一次 ($2Nd$), 而 $\mathbf{Q}_i, \mathbf{O}_i, \ell_i, m_i$ 在每個 K/V 區塊的迴圈都要重新讀取 ($T_c(2Nd + 2N)$), 合計

      $$2Nd + T_c(2Nd + 2N) = ${tex(2 * N * d)} + ${colTiles} \times ${tex(2 * N * d + 2 * N)} = ${tex(reads)}$$

      ${close ? `最接近的選項是 ${key}。` : `最接近的選項是 ${key}, 但仍相差約 ${percent}: 在這個設定下沒有任何選項真正接近, 答案取決於實驗實際使用的 $d$ 與 $M$。`}(若像投影片一樣每個矩陣只算讀一次, 則是 $N(4d + 2) = ${tex(N * (4 * d + 2))}$。)
    `,
    en: md`
      The answer is ${key} (${fmt(keyValue)}). The figure depends on the FlashAttention lab's configuration; the one used here is: head dimension $d = ${d}$, fp16 storage, and SRAM size $M$ = a T4 SM's 64 KiB of shared memory = ${fmt(M)} elements.

      Following Algorithm 1: $B_c = \lceil M / 4d \rceil = ${blockCols}$, $B_r = \min(B_c, d) = ${blockRows}$, $T_c = \lceil N / B_c \rceil = ${colTiles}$. $\mathbf{K}$ and $\mathbf{V}$ are read once ($2Nd$), while $\mathbf{Q}_i, \mathbf{O}_i, \ell_i, m_i$ are read again for every K/V tile ($T_c(2Nd + 2N)$), in total

      $$2Nd + T_c(2Nd + 2N) = ${tex(2 * N * d)} + ${colTiles} \times ${tex(2 * N * d + 2 * N)} = ${tex(reads)}$$

      ${close ? `The nearest option is ${key}.` : `The nearest option is ${key}, yet it is still about ${percent} away: with this configuration no option is really close, and the answer depends on the $d$ and $M$ the lab actually uses.`} (Counting each matrix as read once, as the slides do, gives $N(4d + 2) = ${tex(N * (4 * d + 2))}$.)
    `,
  },
};
