import type { Question } from '../../types.ts';
import { choice, same } from '../builders.ts';
import { md } from '../markdown.ts';

export const q06: Question = {
  id: 'q06',
  number: 6,
  section: 'paper',
  stem: {
    'zh-TW': md`
      參考論文 FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness, 請排序以下 flash attention forward pass 的步驟:

      給定 $\mathbf{Q}, \mathbf{K}, \mathbf{V} \in \mathbb{R}^{N \times d}$

      1. 從 HBM 載入 $\mathbf{K}, \mathbf{V}$ 至 SRAM
      2. 在晶片上計算 $\tilde{\mathbf{S}}, \tilde{\mathbf{m}}, \tilde{\mathbf{P}}, \tilde{\mathbf{l}}$
      3. 將 $\mathbf{Q}$ 切分為維度 $B_r * d$ 的矩陣 $T_r = \text{ceil}(N / B_r)$ 塊, $\mathbf{K}$ 跟 $\mathbf{V}$ 切分為維度 $B_c * d$ 的矩陣 $T_c = \text{ceil}(N / B_c)$ 塊, $\mathbf{O}$ 切分為維度 $B_r * d$ 的矩陣 $T_r$ 塊, $\mathbf{l}$ 跟 $\mathbf{m}$ 切分為維度 $B_r * 1$ 的矩陣 $T_r$ 塊
      4. 由 $\tilde{\mathbf{m}}, \tilde{\mathbf{l}}, \tilde{\mathbf{P}}$ 計算出 $\mathbf{m}^{\text{new}}, \mathbf{l}^{\text{new}}$ 並更新 $\mathbf{O}$
      5. 從 HBM 載入 $\mathbf{Q}, \mathbf{O}, \mathbf{l}, \mathbf{m}$ 至 SRAM
      6. 將 $\mathbf{m}^{\text{new}}, \mathbf{l}^{\text{new}}$, 更新後的 $\mathbf{O}$ 寫入 HBM
    `,
    en: md`
      With reference to the paper *FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness*, order the following steps of the FlashAttention forward pass:

      Given $\mathbf{Q}, \mathbf{K}, \mathbf{V} \in \mathbb{R}^{N \times d}$

      1. Load $\mathbf{K}, \mathbf{V}$ from HBM to SRAM
      2. Compute $\tilde{\mathbf{S}}, \tilde{\mathbf{m}}, \tilde{\mathbf{P}}, \tilde{\mathbf{l}}$ on chip
      3. Split $\mathbf{Q}$ into $T_r = \text{ceil}(N / B_r)$ blocks of size $B_r * d$; split $\mathbf{K}$ and $\mathbf{V}$ into $T_c = \text{ceil}(N / B_c)$ blocks of size $B_c * d$; split $\mathbf{O}$ into $T_r$ blocks of size $B_r * d$; and split $\mathbf{l}$ and $\mathbf{m}$ into $T_r$ blocks of size $B_r * 1$
      4. Use $\tilde{\mathbf{m}}, \tilde{\mathbf{l}}, \tilde{\mathbf{P}}$ to compute $\mathbf{m}^{\text{new}}, \mathbf{l}^{\text{new}}$, and update $\mathbf{O}$
      5. Load $\mathbf{Q}, \mathbf{O}, \mathbf{l}, \mathbf{m}$ from HBM to SRAM
      6. Write $\mathbf{m}^{\text{new}}, \mathbf{l}^{\text{new}}$, and the updated $\mathbf{O}$ back to HBM
    `,
  },
  parts: [
    choice({
      choose: 1,
      key: ['E'],
      options: [same('315642'), same('126435'), same('145632'), same('364521'), same('315246')],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 E (315246), 對應論文 Algorithm 1:

      1. (3) 第 3–4 行: 將 $\mathbf{Q}, \mathbf{O}, \mathbf{l}, \mathbf{m}$ 切成 $T_r$ 塊、$\mathbf{K}, \mathbf{V}$ 切成 $T_c$ 塊。
      2. (1) 第 6 行: 外層迴圈每次從 HBM 載入一塊 $\mathbf{K}_j, \mathbf{V}_j$。
      3. (5) 第 8 行: 內層迴圈每次載入 $\mathbf{Q}_i, \mathbf{O}_i, \mathbf{l}_i, \mathbf{m}_i$。
      4. (2) 第 9–10 行: 在晶片上計算 $\mathbf{S}_{ij}$ 與 $\tilde{\mathbf{m}}_{ij}, \tilde{\mathbf{P}}_{ij}, \tilde{\mathbf{l}}_{ij}$。
      5. (4) 第 11–12 行: 算出 $\mathbf{m}_i^{\text{new}}, \mathbf{l}_i^{\text{new}}$ 並更新 $\mathbf{O}_i$。
      6. (6) 第 12–13 行: 把 $\mathbf{O}_i, \mathbf{l}_i, \mathbf{m}_i$ 寫回 HBM。
    `,
    en: md`
      The answer is E (315246), following Algorithm 1 of the paper:

      1. (3) Lines 3–4: split $\mathbf{Q}, \mathbf{O}, \mathbf{l}, \mathbf{m}$ into $T_r$ blocks and $\mathbf{K}, \mathbf{V}$ into $T_c$ blocks.
      2. (1) Line 6: the outer loop loads one block $\mathbf{K}_j, \mathbf{V}_j$ from HBM.
      3. (5) Line 8: the inner loop loads $\mathbf{Q}_i, \mathbf{O}_i, \mathbf{l}_i, \mathbf{m}_i$.
      4. (2) Lines 9–10: compute $\mathbf{S}_{ij}$ and $\tilde{\mathbf{m}}_{ij}, \tilde{\mathbf{P}}_{ij}, \tilde{\mathbf{l}}_{ij}$ on chip.
      5. (4) Lines 11–12: compute $\mathbf{m}_i^{\text{new}}, \mathbf{l}_i^{\text{new}}$ and update $\mathbf{O}_i$.
      6. (6) Lines 12–13: write $\mathbf{O}_i, \mathbf{l}_i, \mathbf{m}_i$ back to HBM.
    `,
  },
};
