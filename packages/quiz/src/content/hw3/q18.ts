import type { Question } from '../../types.ts';
import { choice, text, upload } from '../builders.ts';
import { md } from '../markdown.ts';

export const q18: Question = {
  id: 'q18',
  number: 18,
  section: 'coding',
  stem: text('**KV Cache Multi-turn Test** 實驗', 'The **KV Cache Multi-turn Test** experiment'),
  parts: [
    upload(
      text(
        '請截圖 **KV Cache Multi-turn Test** 實驗的結果',
        'Please take a screenshot of the results of the **KV Cache Multi-turn Test** experiment',
      ),
    ),
    choice({
      prompt: text(
        'kv cache 第 234 輪問題的速度提升, 是因為哪部分的時間被節省了?',
        'In the 234th-round question, which part of the time savings explains the speedup brought by the KV cache?',
      ),
      choose: 1,
      points: 0.25,
      key: ['D'],
      options: [
        text(
          '節省了將模型權重 (Model Weights) 從 CPU 載入到 GPU VRAM 的傳輸時間',
          'It saves the transfer time for loading the model weights from the CPU into the GPU VRAM',
        ),
        text(
          '節省了生成階段 (Decode Phase) 中, 預測每一個新 Token 所需的計算時間',
          'It saves the computation time required to predict each new token during the decode phase',
        ),
        text(
          '節省了 GPU 記憶體頻寬, 因為 KV Cache 提升了 VRAM 的物理讀寫速度',
          'It saves GPU memory bandwidth because KV Cache increases the physical read/write speed of VRAM',
        ),
        text(
          '節省了共同前文 (Shared Prefix) 在 Prefill 階段中, 通過 Attention 與 FFN 層進行矩陣乘法運算的時間',
          'It saves the time spent in the prefill phase on matrix multiplications through the Attention and FFN layers for the shared prefix',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      第 (2) 小題答案是 D。多輪對話中, 前面各輪的對話內容是所有後續請求共同的前文; 這段前文的 key 與 value 已經存在 KV cache 裡, 第 234 輪只需要對新加入的 tokens 做 prefill, 省下了共同前文通過 Attention 與 FFN 層的矩陣乘法。

      - A 錯: 模型權重一開始就載入 GPU, 之後不會每輪重新傳輸。
      - B 錯: 生成階段仍然要為每一個新 token 跑一次 forward pass, 這部份的計算並沒有省下。
      - C 錯: KV cache 不會改變 VRAM 的物理讀寫速度。
    `,
    en: md`
      The answer to part (2) is D. In a multi-turn conversation the earlier turns form a prefix shared by every later request; its keys and values are already in the KV cache, so round 234 only prefills the newly added tokens and skips the shared prefix's matrix multiplications through the Attention and FFN layers.

      - A is false: the weights are loaded onto the GPU once and are not transferred again each round.
      - B is false: decoding still runs a forward pass for every new token; that computation is not saved.
      - C is false: a KV cache does not change the physical read/write speed of VRAM.
    `,
  },
};
