import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q07: Question = {
  id: 'q07',
  number: 7,
  section: 'paper',
  stem: text(
    '參考論文 FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness, 下列哪些是 FlashAttention 正確的敘述？',
    'With reference to the paper *FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness*, which of the following statements about FlashAttention are correct?',
  ),
  parts: [
    choice({
      choose: 3,
      key: ['B', 'C', 'E'],
      options: [
        text(
          md`FlashAttention 在 backward pass 階段只有載入於 forward pass 階段寫入的 $l, m$ 向量, 不須其他 forward pass 的輸出`,
          md`In the backward pass, FlashAttention only needs to load the $l$ and $m$ vectors written during the forward pass, and does not require any other outputs from the forward pass`,
        ),
        text(
          '雖然 FlashAttention 需要進行較多次的運算, 但因為「把資料從 HBM 載入 SRAM」跟「把 SRAM 上計算好的資料寫入 HBM」的資料量總和較少, 而比標準的 Attention 還要省時',
          'Although FlashAttention requires more computation, it is still faster than standard attention because the total amount of data moved for “loading data from HBM to SRAM” and “writing computed data from SRAM back to HBM” is smaller',
        ),
        text(
          md`若 $N$ 是序列長度、$d$ 是 multi-head attention 每個 head 的 embedding dimension、$M$ 是 SRAM 大小且 $d \leq M \leq Nd$, FlashAttention 已經達到要計算 Exact Attention 最快的時間複雜度`,
          md`Let $N$ be the sequence length, $d$ be the embedding dimension of each head in multi-head attention, and $M$ be the SRAM size, with $d \leq M \leq Nd$. FlashAttention already achieves the fastest possible time complexity for computing exact attention.`,
        ),
        text(
          md`若 $N$ 是序列長度, FlashAttention 為了記錄 dropout mask 供 backward pass 計算, 我們需要 $O(N^2)$ 的額外記憶體`,
          md`Let $N$ be the sequence length; then in order to record the dropout mask for use in the backward pass, FlashAttention requires an additional $O(N^2)$ memory`,
        ),
        text(
          md`FlashAttention 因為是在 SRAM 上計算矩陣 $S$ 跟 $P$, 不將它們存回 HBM, 所以在 backward pass 計算 $Q, K, V$ 的 gradients 時, 要用額外儲存在 HBM 的 $l, m$ 向量, 重新計算出矩陣 $S$ 跟 $P$`,
          md`Because FlashAttention computes the matrices $\mathbf{S}$ and $\mathbf{P}$ in SRAM and does not write them back to HBM, when computing the gradients of $\mathbf{Q}$, $\mathbf{K}$, and $\mathbf{V}$ in the backward pass, it needs to use the $l$ and $m$ vectors additionally stored in HBM to recompute the matrices $\mathbf{S}$ and $\mathbf{P}$`,
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 B、C、E。

      - A 錯: backward pass 除了 $l, m$, 還需要 forward pass 的輸出 $\mathbf{O}$ (以及 $d\mathbf{O}$ 和輸入 $\mathbf{Q}, \mathbf{K}, \mathbf{V}$)。
      - B 對: FlashAttention 因為在 backward pass 重算 $\mathbf{S}, \mathbf{P}$ 而多做了運算 (FLOPs 較多), 但 HBM 存取量大幅減少, 而 attention 的瓶頸正是記憶體存取, 所以整體仍較快。
      - C 對: 根據 Proposition 3, 對所有 $M \in [d, Nd]$, 沒有任何計算 exact attention 的演算法能在 HBM 存取次數上漸進地勝過 FlashAttention。(嚴格來說這是 HBM 存取量的下界, 選項寫成「時間複雜度」是較寬鬆的說法。)
      - D 錯: FlashAttention 只保存隨機數產生器的狀態, 在 backward pass 重新產生 dropout mask, 不需要 $O(N^2)$ 的額外記憶體。
      - E 對: $\mathbf{S}, \mathbf{P}$ 不寫回 HBM, backward pass 用 $\mathbf{Q}, \mathbf{K}$ 與保存的 $l, m$ 在 SRAM 上重新算出它們 (recomputation)。
    `,
    en: md`
      The answer is B, C and E.

      - A is false: besides $l$ and $m$, the backward pass also needs the forward output $\mathbf{O}$ (and $d\mathbf{O}$ and the inputs $\mathbf{Q}, \mathbf{K}, \mathbf{V}$).
      - B is true: recomputing $\mathbf{S}$ and $\mathbf{P}$ in the backward pass costs extra FLOPs, but HBM traffic drops sharply, and memory access is what bounds attention, so FlashAttention is still faster overall.
      - C is true: by Proposition 3, no algorithm computing exact attention can asymptotically improve on FlashAttention's number of HBM accesses for all $M \in [d, Nd]$. (Strictly this is a lower bound on HBM accesses; the option's "time complexity" is loose wording.)
      - D is false: FlashAttention keeps only the random number generator's state and regenerates the dropout mask in the backward pass, so no $O(N^2)$ extra memory is needed.
      - E is true: $\mathbf{S}$ and $\mathbf{P}$ are never written to HBM; the backward pass recomputes them in SRAM from $\mathbf{Q}, \mathbf{K}$ and the stored $l, m$.
    `,
  },
};
