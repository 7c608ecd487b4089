// The handout's "(應選N項)" / "(Choose N)" label, made from a part's `choose` so it can never disagree.
import type { Locale } from './types.ts';

const ZH_NUMERALS = ['零', '一', '兩', '三', '四', '五', '六', '七', '八', '九', '十'];
const EN_NUMERALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function chooseLabel(choose: number, locale: Locale): string {
  if (locale === 'zh-TW') return `(應選${ZH_NUMERALS[choose] ?? choose}項)`;
  return `(Choose ${EN_NUMERALS[choose] ?? choose})`;
}
