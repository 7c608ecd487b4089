import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q10: Question = {
  id: 'q10',
  number: 10,
  section: 'paper',
  stem: text(
    '參考上課內容、作業頁投影片與讀過的所有論文, 下列哪些是正確的敘述?',
    'With reference to the course content, the homework slides, and all the papers you have read, which of the following statements are correct?',
  ),
  parts: [
    choice({
      choose: 3,
      key: ['A', 'B', 'E'],
      options: [
        text(
          '某些加速技術不只可以更快完成 LLM 的訓練或推論, 也可以讓 LLM 訓練或推論所需的記憶體減少, 使其在需要長上下文的任務上表現得更好',
          'Some acceleration techniques can not only make LLM training or inference faster, but can also reduce the memory required for LLM training or inference, allowing the model to perform better on tasks that require long contexts',
        ),
        text(
          '有時 LLM 的加速技術不一定只是讓計算本身變快, 也有可能是能讓 LLM 更充分地運用電腦多出的運算資源, 比如 FlashAttention-2 和 speculative decoding 都可以有效增加 GPU 的使用率',
          'Sometimes, LLM acceleration techniques do not necessarily only make the computation itself faster; they may also allow LLMs to make better use of additional available computing resources. For example, both FlashAttention-2 and speculative decoding can effectively increase GPU utilization',
        ),
        text(
          '加速 LLM 訓練或推論速度的各種技術往往要付出一些代價, 像是 speculative decoding, quantization, attention approximation 會使 LLM 表現變差; flash attention, vllm 相較於 speculative decoding 需要在 GPU 底層運算做更複雜的優化',
          'Various techniques for accelerating LLM training or inference often come with certain trade-offs. For example, speculative decoding, quantization, and attention approximation may degrade LLM performance; compared with speculative decoding, flash attention and vLLM require more complex low-level GPU optimizations',
        ),
        text(
          'LLM 訓練與推論中包含多個計算步驟, 找出多個步驟中最花時間的部份優化它是重要的, 像是 FlashAttention-1~3 代都是加速 LLM 中 attention 的計算, 而相較於一般 attention, FlashAttention-1 尤其減少了 attention 計算在 GPU 記憶體中讀寫「相同大小」資料所需要的時間',
          'LLM training and inference consist of multiple computation steps, so it is important to identify and optimize the most time-consuming parts among them. For example, FlashAttention-1 through FlashAttention-3 all accelerate attention computation in LLMs, and compared with standard attention, FlashAttention-1 in particular reduces the time required to read and write the **same amount** of data in GPU memory during attention computation',
        ),
        text(
          'Speculative decoding 和 Flash Attention 是相容的 LLM 加速技術, 同時使用兩種技術可以超過只使用一種技術的加速效果',
          'Speculative decoding and FlashAttention are compatible LLM acceleration techniques. Using both techniques together can achieve greater speedup than using only one of them',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 A、B、E。

      - A 對: 例如 FlashAttention 把 attention 的額外記憶體從 $O(N^2)$ 降到 $O(N)$, 因此能訓練更長的上下文, 論文中更長的上下文也帶來更好的模型品質。
      - B 對: FlashAttention-2 透過更好的平行化與工作分配提高 GPU 的佔用率; speculative decoding 則利用 decoding 時受記憶體頻寬限制而閒置的算力, 一次驗證多個 tokens。
      - C 錯: speculative decoding 是無損的 (lossless), 輸出分佈與 target model 完全相同, 不會讓表現變差。
      - D 錯: FlashAttention-1 減少的是 HBM 讀寫的**資料量** (IO-aware 的 tiling 與 recomputation), 而不是讀寫相同大小資料所需的時間; 記憶體本身的頻寬並沒有改變。
      - E 對: 兩者作用在不同層次 (speculative decoding 改變 decoding 流程, FlashAttention 是 attention kernel), 可以同時使用, 例如 vLLM 就同時支援兩者。
    `,
    en: md`
      The answer is A, B and E.

      - A is true: FlashAttention, for example, cuts attention's extra memory from $O(N^2)$ to $O(N)$, which allows training with longer contexts, and the paper shows the longer contexts improve model quality.
      - B is true: FlashAttention-2 raises GPU occupancy through better parallelism and work partitioning; speculative decoding puts to work the compute that sits idle while memory-bound decoding waits, verifying several tokens per pass.
      - C is false: speculative decoding is lossless: its output distribution is exactly the target model's, so it does not degrade quality.
      - D is false: FlashAttention-1 reduces the **amount** of data read from and written to HBM (IO-aware tiling and recomputation), not the time to move the same amount; the memory's bandwidth does not change.
      - E is true: the two act at different levels (speculative decoding changes the decoding loop, FlashAttention is an attention kernel), so they combine; vLLM, for example, supports both at once.
    `,
  },
};
