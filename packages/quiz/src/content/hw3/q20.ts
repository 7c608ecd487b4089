import type { Question } from '../../types.ts';
import { choice, text, upload } from '../builders.ts';
import { md } from '../markdown.ts';

export const q20: Question = {
  id: 'q20',
  number: 20,
  section: 'coding',
  stem: text('**vLLM CPU RAM/Speed Trade-off** 實驗', 'The **vLLM CPU RAM/Speed Trade-off** experiment'),
  parts: [
    upload(
      text(
        '請從 **vLLM CPU RAM/Speed Trade-off** 實驗截圖兩個不同的 cpu offload config',
        'Please take screenshots of two different CPU offload configurations from the **vLLM CPU RAM/Speed Trade-off** experiment',
      ),
    ),
    choice({
      prompt: text(
        '為什麼把 model weight 搬到 cpu throughput 會變慢',
        'Why does throughput become slower when model weights are moved to the CPU?',
      ),
      choose: 1,
      points: 0.25,
      key: ['A'],
      options: [
        text(
          '因為每次產生一個新的 Token, 前向傳播 (Forward Pass) 都需要重新從 CPU 搬運一次被卸載的權重',
          'Because every time a new token is generated, the forward pass needs to transfer the offloaded weights again from the CPU',
        ),
        text(
          '因為權重在搬運過程中需要即時進行 FP16 到 FP32 的格式轉換',
          'Because the weights need to be converted from FP16 to FP32 on the fly during the transfer process',
        ),
        text(
          '因為 CPU 無法處理多用戶並發的請求, 導致 Request 必須排隊',
          'Because the CPU cannot handle concurrent multi-user requests, causing requests to be queued',
        ),
        text(
          '因為權重搬運會覆寫掉原本存在 GPU 裡的 KV Cache',
          'Because transferring the weights overwrites the KV cache already stored on the GPU',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      第 (2) 小題答案是 A。被卸載 (offload) 到 CPU 記憶體的權重, 在每次 forward pass (也就是每生成一個 token) 都必須經由 PCIe 再搬到 GPU 一次, 而 PCIe 的頻寬遠低於 GPU 記憶體的頻寬, 所以 throughput 下降。

      - B 錯: 搬運時不需要把 FP16 轉成 FP32。
      - C 錯: 請求的排程仍由 vLLM 負責, 變慢不是因為 CPU 無法處理並發請求。
      - D 錯: 權重搬運不會覆寫已存在 GPU 上的 KV cache。
    `,
    en: md`
      The answer to part (2) is A. Weights offloaded to CPU memory must cross PCIe to the GPU again on every forward pass, that is, for every generated token, and PCIe is far slower than GPU memory, so throughput drops.

      - B is false: the transfer does not convert FP16 to FP32.
      - C is false: vLLM still schedules the requests; the slowdown is not the CPU failing to handle concurrent requests.
      - D is false: moving weights does not overwrite the KV cache already on the GPU.
    `,
  },
};
