import type { Question } from '../../types.ts';
import { choice, text, upload } from '../builders.ts';
import { md } from '../markdown.ts';

export const q19: Question = {
  id: 'q19',
  number: 19,
  section: 'coding',
  stem: text('**KV Cache Invalidation** 實驗', 'The **KV Cache Invalidation** experiment'),
  parts: [
    upload(
      text(
        '請截圖 **KV Cache Invalidation** 實驗的結果',
        'Please take a screenshot of the results of the **KV Cache Invalidation** experiment',
      ),
    ),
    choice({
      prompt: text(
        '下列哪些是在 prefix 加入一個空格之後原先計算的 kv cache 失效的原因',
        'Which of the following explains why the previously computed KV cache becomes invalid after adding one space to the prefix?',
      ),
      choose: 1,
      points: 0.25,
      key: ['C'],
      options: [
        text(
          '空格字元在 tokenizer 中會被自動忽略, 因此 prefix 實際上沒有改變, kv cache 失效只是系統隨機重新計算所致',
          'The space character is automatically ignored by the tokenizer, so the prefix does not actually change; the KV cache invalidation is simply caused by the system randomly recomputing it',
        ),
        text(
          '空格改變了 prefix 字串的雜湊值 (Hash Value), 導致系統的 Semantic Cache 匹配失敗, 判定為全新請求',
          "The space changes the hash value of the prefix string, causing the system's semantic cache matching to fail and making it treat the request as a completely new one",
        ),
        text(
          '因為前文特徵與位置的變動, 後續 Token 在計算注意力機制 (Attention) 時, 產生的 Key 與 Value 矩陣會與原快取截然不同',
          'Because the features and positions of the preceding context change, the Key and Value matrices produced by subsequent tokens during attention computation become completely different from those in the original cache',
        ),
        text(
          '在 PagedAttention 機制中, 額外的 Token 會造成記憶體區塊 (Block) 內部碎片化溢位, 觸發系統強制清空並重新計算該段 Cache',
          'Under the PagedAttention mechanism, the additional token causes an internal fragmentation overflow in a memory block, which triggers the system to forcibly clear and recompute that part of the cache',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      第 (2) 小題答案是 C。從第二層起, 每個 token 的 key 與 value 都取決於它前面所有 tokens (經由前幾層的 attention) 以及它自己的位置; 多了一個空格, tokens 與位置都改變了, 之後每個 token 的 K、V 都與快取中的不同, 原本的快取無法再用。

      - A 錯: 空格不會被 tokenizer 忽略, 它會改變 token 序列。
      - B 錯: 這裡沒有所謂的 semantic cache; prefix caching 雖然以 token 區塊的雜湊值來查找, 但根本原因是 K、V 的數值已經不同, 雜湊只是記錄方式。
      - D 錯: PagedAttention 的區塊不會因多一個 token 而「碎片化溢位」或強制清空; 新的 token 只是放進區塊的空位或新的區塊。
    `,
    en: md`
      The answer to part (2) is C. From the second layer on, every token's key and value depend on all the tokens before it (through the earlier layers' attention) and on its position; one extra space changes the tokens and the positions, so every later token's K and V differ from the cached ones and the cache cannot be reused.

      - A is false: the tokenizer does not ignore the space; it changes the token sequence.
      - B is false: there is no semantic cache here; prefix caching does look blocks up by a hash of their tokens, but the underlying reason is that the K and V values themselves are different, the hash is only bookkeeping.
      - D is false: PagedAttention blocks do not "overflow from fragmentation" or get force-cleared because of one more token; the new token simply takes a free slot or a new block.
    `,
  },
};
