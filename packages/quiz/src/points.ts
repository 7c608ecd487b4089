// Point arithmetic. Points are decimals like 0.25, so sums are rounded to keep 0.1 + 0.2 from
// showing up as 0.30000000000000004 (and 10 from showing up as 9.9999999).

export const POINT_DECIMALS = 4;
/** Every point value is a multiple of this. */
export const POINT_STEP = 0.05;

export function roundPoints(x: number): number {
  const factor = 10 ** POINT_DECIMALS;
  return Math.round(x * factor) / factor + 0; // + 0 turns -0 into 0
}

export function isPointStep(x: number): boolean {
  const steps = x / POINT_STEP;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** The key of a manual grade: `${questionId}:${partIndex}`. */
export function gradeKey(questionId: string, part: number): string {
  return `${questionId}:${part}`;
}
