import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q08: Question = {
  id: 'q08',
  number: 8,
  section: 'paper',
  stem: text(
    '參考論文 FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning, 下列哪些是 FlashAttention-2 基於初代 FlashAttention 多做的優化？',
    'With reference to the paper *FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning*, which of the following are optimizations that FlashAttention-2 additionally introduces on top of the first-generation FlashAttention?',
  ),
  parts: [
    choice({
      choose: 3,
      key: ['A', 'C', 'E'],
      options: [
        text(
          '減少非矩陣乘法在所有計算中的計算量佔比',
          'Reducing the proportion of non-matrix-multiplication operations in the overall computation',
        ),
        text(
          md`把 $Q, K, V$ 矩陣拆開計算中間值, 最後再合併成最終的 attention layer output`,
          'Splitting the **Q**, **K**, and **V** matrices apart to compute intermediate values separately, and then combining them into the final attention layer output',
        ),
        text(
          '計算 attention 時除了對 attention head 和 batch 的資料筆數這兩個維度做平行化, 額外對 sequence length 這個維度做平行化',
          'In addition to parallelizing attention computation over the two dimensions of attention heads and batch size, further parallelizing over the sequence length dimension',
        ),
        text(
          '不只加速 forward pass, 額外加速 backward pass 的計算',
          'Not only accelerating the forward pass, but also additionally accelerating the backward pass',
        ),
        text(
          md`在 GPU 的一個 thread block, 把 $K$ 和 $V$ 兩個矩陣讓所有 warps 都共享`,
          'Within a GPU thread block, making the **K** and **V** matrices shared by all warps',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 A、C、E。

      - A 對: FlashAttention-2 調整演算法 (例如延後 rescale、只存 logsumexp), 減少非矩陣乘法的 FLOPs, 因為 GPU 上矩陣乘法的吞吐量遠高於其他運算。
      - B 錯: 把 $\mathbf{K}, \mathbf{V}$ 切給不同 warps 各自算出中間結果再合併, 正是 FlashAttention-1 的 “split-K” 做法; FlashAttention-2 刻意避免它, 因為 warps 之間需要透過 shared memory 溝通與同步。
      - C 對: 除了 batch 與 head 兩個維度, FlashAttention-2 也沿 sequence length 平行化, 在 batch 小或 head 少 (長序列) 時提高 GPU 使用率。
      - D 錯: FlashAttention-1 本來就有融合 (fused) 的 backward pass, 加速 backward pass 並不是 FlashAttention-2 才新增的。
      - E 對: 在一個 thread block 內, FlashAttention-2 把 $\mathbf{Q}$ 切給各個 warps, 而 $\mathbf{K}, \mathbf{V}$ 由所有 warps 共享。
    `,
    en: md`
      The answer is A, C and E.

      - A is true: FlashAttention-2 reworks the algorithm (for example, rescaling the output only at the end and storing just the logsumexp) to cut non-matmul FLOPs, since GPUs run matrix multiplications far faster than anything else.
      - B is false: splitting $\mathbf{K}$ and $\mathbf{V}$ across warps, computing partial results and combining them is FlashAttention-1's “split-K” scheme; FlashAttention-2 avoids it because the warps must then communicate and synchronize through shared memory.
      - C is true: besides batch and heads, FlashAttention-2 also parallelizes over the sequence length, which keeps the GPU busy when batches are small or heads are few (long sequences).
      - D is false: FlashAttention-1 already had a fused backward pass; speeding up the backward pass is not new in FlashAttention-2.
      - E is true: within a thread block, FlashAttention-2 splits $\mathbf{Q}$ across warps while all warps share $\mathbf{K}$ and $\mathbf{V}$.
    `,
  },
};
