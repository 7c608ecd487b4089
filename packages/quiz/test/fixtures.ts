// A small quiz that covers every part kind, for the scoring, validation and visibility tests.
import type { LocalizedText, QuizContent } from '../src/index.ts';

export const t = (en: string): LocalizedText => ({ 'zh-TW': `（中）${en}`, en });

const options = (ids: string) => [...ids].map((id) => ({ id, text: t(`option ${id}`) }));

export function smallQuiz(): QuizContent {
  return {
    id: 'small',
    title: t('Small quiz'),
    questions: [
      {
        id: 'q01',
        number: 1,
        section: 'paper',
        stem: t('Pick one'),
        parts: [{ kind: 'choice', choose: 1, options: options('ABCD'), points: 0.5, key: ['C'] }],
        explanation: t('C is right'),
      },
      {
        id: 'q02',
        number: 2,
        section: 'paper',
        stem: t('Pick three'),
        parts: [{ kind: 'choice', choose: 3, options: options('ABCDE'), points: 0.5, key: ['B', 'C', 'E'] }],
        explanation: t('B, C and E'),
      },
      {
        id: 'q03',
        number: 3,
        section: 'coding',
        stem: t('Pick two'),
        parts: [{ kind: 'choice', choose: 2, options: options('ABCD'), points: 0.5, key: ['A', 'D'] }],
        explanation: t('A and D'),
      },
      {
        id: 'q04',
        number: 4,
        section: 'coding',
        stem: t('Screenshot, then pick one'),
        parts: [
          { kind: 'upload', prompt: t('Upload a screenshot'), points: 0.25 },
          {
            kind: 'choice',
            prompt: t('Why?'),
            choose: 1,
            options: options('ABCD'),
            points: 0.25,
            key: ['D'],
          },
        ],
        explanation: t('D'),
      },
    ],
  };
}

export const UPLOAD_ID = '0b6a3f4e-8d2c-4c1e-9f3a-2b7d5e6c1a90';

/** A seeded PRNG (mulberry32), so property tests are random yet repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
