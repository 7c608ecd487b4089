export * from './analysis/item-analysis.ts';
export * from './answer-sheet.ts';
export * from './choose-label.ts';
// Code blanks (apps/grader runs them).
export * from './code-blanks/index.ts';
export * from './content/hw3/flash-attention-io.ts';
export { hw3Quiz } from './content/hw3/index.ts';
export * from './csv/csv.ts';
export * from './csv/gradebook.ts';
export * from './csv/roster.ts';
export * from './points.ts';
export * from './schema.ts';
export * from './scoring.ts';
export * from './types.ts';
export * from './validate.ts';
export * from './visibility.ts';
