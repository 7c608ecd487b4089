import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

const FLASH_ATTENTION_REPO =
  '[Dao-AILab/flash-attention: Fast and memory-efficient exact attention](https://github.com/Dao-AILab/flash-attention)';

export const q09: Question = {
  id: 'q09',
  number: 9,
  section: 'paper',
  stem: text(
    '參考論文 FlashAttention-3: Fast and Accurate Attention with Asynchrony and Low-precision, 下列哪些是正確的敘述？',
    'With reference to the paper *FlashAttention-3: Fast and Accurate Attention with Asynchrony and Low-precision*, which of the following statements are correct?',
  ),
  parts: [
    choice({
      choose: 2,
      key: ['B', 'C'],
      options: [
        text(
          'Thread 是大量存在於 GPU 中負責管理運算的執行單位, 而 Hopper GPU 管理 thread 的階層由最頂層到最底層是: grids -> threadblock clusters -> threadblocks (cooperative thread arrays / CTA) -> warpgroups (8 contiguous warps) -> warps (32 threads) -> threads (詳見 section 2.2)',
          'A thread is an execution unit that exists in large numbers on a GPU and is responsible for managing computation. On Hopper GPUs, the hierarchy for organizing threads from top to bottom is: grids -> threadblock clusters -> threadblocks (cooperative thread arrays / CTAs) -> warpgroups (8 contiguous warps) -> warps (32 threads) -> threads (see Section 2.2 for details)',
        ),
        text(
          '有鑑於「指數運算」和「矩陣乘法」分別在 GPU 的「multi-function unit」和「Tensor Core」上執行, 可以讓一個 warpgroup 在算 softmax 時由另一個 warpgroup 算矩陣乘法',
          "Since the **exponential operation** and **matrix multiplication** are executed on the GPU's **multi-function unit** and **Tensor Cores**, respectively, one warpgroup can perform matrix multiplication while another warpgroup performs softmax",
        ),
        text(
          '同一個 warpgroup 也可以讓不同 iterations 中 GEMM 和 softmax 的指令透過 pipelining 同時利用更多 Tensor Core 達到部份平行化, 但代價是把一個 iteration 的運算拆成多個步驟時, 必須先花更多 register 儲存前一個步驟的運算結果才能跑下個步驟的運算',
          'Even within the same warpgroup, the GEMM and softmax instructions from different iterations can also be partially parallelized through pipelining to make better use of Tensor Cores. However, the trade-off is that when the computation of one iteration is split into multiple steps, more registers are needed to store the intermediate results of the previous step before the computation of the next step can proceed',
        ),
        text(
          md`在 FP8 精度計算 attention weights 時, FlashAttention-3 把 Q 與 K 矩陣相乘前, 會先把 Q 與 K 各自乘上一個正交矩陣再做 FP8 量化, 讓 Q 與 K 裡的極端數值因為與多數非極端數值加總藉此降低 quantization error, 但 Q 與 K 和正交矩陣相乘有 $O(d^2)$ 時間複雜度 ($d$ 是一個 attention head 的 embedding dimension)`,
          md`When computing attention weights in FP8 precision, FlashAttention-3 multiplies **Q** and **K** by an orthogonal matrix before quantizing them to FP8. This allows extreme values in **Q** and **K** to be reduced in quantization error by being summed together with many non-extreme values. However, multiplying **Q** and **K** by the orthogonal matrix has time complexity $O(d^2)$, where $d$ is the embedding dimension of one attention head`,
        ),
        text(
          `只有 H100 / H20 等 Hopper 架構的 GPU 才能使用官方的 FlashAttention-3, 像 A100 / V100 / RTX 4090 / RTX 3090 / T4 等 GPU 只能用官方的 FlashAttention-2 (官方 FlashAttention: ${FLASH_ATTENTION_REPO})`,
          `Only Hopper-architecture GPUs such as the H100 / H20 can use the official FlashAttention-3, while GPUs such as the A100 / V100 / RTX 4090 / RTX 3090 / T4 can only use the official FlashAttention-2 (official FlashAttention: ${FLASH_ATTENTION_REPO})`,
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 B、C。

      - A 錯: 一個 warpgroup 是 4 個連續的 warps (128 threads), 不是 8 個。
      - B 對: 這是 FlashAttention-3 的 ping-pong scheduling: 指數運算在 multi-function unit、矩陣乘法在 Tensor Core 上執行, 兩個 warpgroups 輪流, 一個算 softmax 時另一個算 GEMM。
      - C 對: 這是 warpgroup 內的 intra-warpgroup pipelining: 讓某個 iteration 的 softmax 與下一個 iteration 的 GEMM 重疊, 代價是要用更多 registers 暫存中間結果 (register pressure)。
      - D 錯: 這個正交矩陣是隨機正負號的 Hadamard 矩陣, 可以用快速 Hadamard 轉換在 $O(d \log d)$ 而不是 $O(d^2)$ 的時間內完成 (incoherent processing)。
      - E 錯: 官方 FlashAttention-2 只支援 Ampere、Ada、Hopper 架構 (例如 A100、RTX 3090、RTX 4090、H100); T4 屬於 Turing 架構, 只能用 FlashAttention 1.x, V100 (Volta) 則兩者都不支援, 所以「這些 GPU 都只能用 FlashAttention-2」並不正確。
    `,
    en: md`
      The answer is B and C.

      - A is false: a warpgroup is 4 contiguous warps (128 threads), not 8.
      - B is true: this is FlashAttention-3's ping-pong scheduling: exponentials run on the multi-function units and matrix multiplications on the Tensor Cores, so while one warpgroup computes softmax the other runs its GEMMs, and they take turns.
      - C is true: this is intra-warpgroup pipelining: one iteration's softmax overlaps the next iteration's GEMM, at the price of more registers to hold the intermediate results (register pressure).
      - D is false: the orthogonal matrix is a Hadamard matrix with random signs, applied with the fast Hadamard transform in $O(d \log d)$, not $O(d^2)$ (incoherent processing).
      - E is false: official FlashAttention-2 supports only Ampere, Ada and Hopper GPUs (A100, RTX 3090, RTX 4090, H100); the T4 is a Turing GPU and needs FlashAttention 1.x, and the V100 (Volta) is supported by neither, so "these GPUs can only use FlashAttention-2" does not hold.
    `,
  },
};
