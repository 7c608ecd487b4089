// Errors a user can cause. Each has a code the client can act on and a message in both languages.
import type { Locale } from '@infer-lab/quiz';

export const errorMessages = {
  UNAUTHENTICATED: { en: 'Please sign in first.', 'zh-TW': '請先登入。' },
  BAD_CREDENTIALS: { en: 'Wrong email or password.', 'zh-TW': '電子郵件或密碼錯誤。' },
  FORBIDDEN: { en: 'You do not have access to this.', 'zh-TW': '你沒有權限存取此內容。' },
  NOT_FOUND: { en: 'This assignment does not exist.', 'zh-TW': '找不到這份作業。' },
  INVALID_INPUT: { en: 'The request is malformed: {detail}', 'zh-TW': '請求格式錯誤：{detail}' },
  DEADLINE_PASSED: {
    en: 'The deadline ({deadline}) has passed: this submission was not counted.',
    'zh-TW': '已超過截止時間（{deadline}），此次提交不予計分。',
  },
  NOT_OPEN: { en: 'This assignment is not open yet.', 'zh-TW': '這份作業尚未開放。' },
  UNKNOWN_QUESTION: { en: 'Unknown question {questionId}.', 'zh-TW': '題目 {questionId} 不存在。' },
  UNKNOWN_PART: {
    en: 'Question {questionId} has no part {part}.',
    'zh-TW': '題目 {questionId} 沒有第 {part} 小題。',
  },
  UNKNOWN_OPTION: {
    en: 'Question {questionId} has no option {optionId}.',
    'zh-TW': '題目 {questionId} 沒有選項 {optionId}。',
  },
  WRONG_PART_KIND: {
    en: 'Part {part} of question {questionId} takes another kind of answer.',
    'zh-TW': '題目 {questionId} 第 {part} 小題的作答類型不符。',
  },
  DUPLICATE_OPTION: {
    en: 'Option {optionId} of question {questionId} was chosen twice.',
    'zh-TW': '題目 {questionId} 的選項 {optionId} 重複選取。',
  },
  MALFORMED: { en: 'The answers are malformed.', 'zh-TW': '作答內容格式錯誤。' },
  UNKNOWN_UPLOAD: {
    en: 'The image for question {questionId} was not found; upload it again.',
    'zh-TW': '找不到題目 {questionId} 的圖片，請重新上傳。',
  },
  FILE_TOO_LARGE: { en: 'The image is larger than 5 MB.', 'zh-TW': '圖片超過 5 MB。' },
  FILE_TYPE: {
    en: 'Only PNG, JPEG and WebP images are accepted.',
    'zh-TW': '只接受 PNG、JPEG 與 WebP 圖片。',
  },
  NOT_UPLOAD_PART: {
    en: 'Question {questionId} takes no image.',
    'zh-TW': '題目 {questionId} 不需上傳圖片。',
  },
  TOO_MANY_REQUESTS: {
    en: 'Too many attempts; wait a minute and try again.',
    'zh-TW': '嘗試次數過多，請稍候一分鐘再試。',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

const httpStatus: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  DEADLINE_PASSED: 409,
  NOT_OPEN: 409,
  UNKNOWN_QUESTION: 400,
  UNKNOWN_PART: 400,
  UNKNOWN_OPTION: 400,
  WRONG_PART_KIND: 400,
  DUPLICATE_OPTION: 400,
  MALFORMED: 400,
  UNKNOWN_UPLOAD: 400,
  FILE_TOO_LARGE: 413,
  FILE_TYPE: 415,
  NOT_UPLOAD_PART: 400,
  TOO_MANY_REQUESTS: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
  get status(): number {
    return httpStatus[this.code];
  }
  messageIn(locale: Locale): string {
    return errorMessages[this.code][locale].replace(/\{(\w+)\}/g, (_, key: string) =>
      String(this.params[key] ?? ''),
    );
  }
}
