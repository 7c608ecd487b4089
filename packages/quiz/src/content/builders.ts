// Short constructors so each question file reads like the handout.
import type { ChoicePart, LocalizedText, UploadPart } from '../types.ts';

export function text(zh: string, en: string): LocalizedText {
  return { 'zh-TW': zh, en };
}

/** The same text in both languages (numbers, code). */
export function same(both: string): LocalizedText {
  return { 'zh-TW': both, en: both };
}

/** A choice part; options get ids A, B, C, … in the order given. */
export function choice(spec: {
  choose: number;
  key: string[];
  options: LocalizedText[];
  points?: number;
  prompt?: LocalizedText;
}): ChoicePart {
  const { choose, key, options, points = 0.5, prompt } = spec;
  return {
    kind: 'choice',
    ...(prompt ? { prompt } : {}),
    choose,
    options: options.map((option, i) => ({ id: String.fromCharCode(65 + i), text: option })),
    points,
    key,
  };
}

export function upload(prompt: LocalizedText, points = 0.25): UploadPart {
  return { kind: 'upload', prompt, points };
}
