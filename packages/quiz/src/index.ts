export * from './answer-sheet.ts';
export * from './points.ts';
export * from './schema.ts';
export * from './scoring.ts';
export * from './types.ts';
export * from './validate.ts';
export * from './visibility.ts';
