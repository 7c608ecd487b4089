// The Canvas (NTU COOL) gradebook CSV, as Canvas exports it and its gradebook import reads it:
// header `Student, ID, SIS User ID, SIS Login ID, Section, <assignment>`, then a row whose Student cell
// is "    Points Possible" (Canvas's own spelling, four spaces; its importer matches /Points Possible/)
// with the assignment's points, then one row per student. Canvas matches students by ID (its user id),
// then SIS User ID, then SIS Login ID, so the name is only for people and is kept as given.
import { roundPoints } from '../points.ts';
import { CsvError, parseCsvRecords, toCsv } from './csv.ts';

export const CANVAS_IDENTITY_COLUMNS = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;
export const CANVAS_POINTS_POSSIBLE = '    Points Possible';

export type CanvasGradebookStudent = {
  name: string;
  /** Canvas's numeric user id, when known; empty otherwise (Canvas then matches the SIS ids). */
  canvasId?: string | null;
  /** The SIS User ID: the NTU student id. */
  studentId: string;
  /** The SIS Login ID. */
  loginId: string;
  section: string | null;
  /** null: no score (an empty cell, which Canvas leaves unchanged on import). */
  score: number | null;
};

export type CanvasGradebook = {
  /** The assignment column's header: a new assignment's name, or Canvas's "Name (id)" for an existing one. */
  assignmentColumn: string;
  pointsPossible: number;
  students: CanvasGradebookStudent[];
};

const BOM = '\uFEFF';

/** The gradebook as UTF-8 CSV with a BOM (so Excel shows Chinese names), CRLF line ends. */
export function toCanvasGradebookCsv(gradebook: CanvasGradebook): string {
  const { assignmentColumn, pointsPossible, students } = gradebook;
  if (assignmentColumn.trim() === '')
    throw new RangeError('Canvas gradebook: the assignment column has no name');
  if ((CANVAS_IDENTITY_COLUMNS as readonly string[]).includes(assignmentColumn)) {
    throw new RangeError(`Canvas gradebook: "${assignmentColumn}" is a student column, not an assignment`);
  }
  checkPoints(pointsPossible, 'points possible');
  const rows = students.map((s) => {
    if (s.score !== null) checkPoints(s.score, `the score of ${s.studentId}`);
    return [s.name, s.canvasId ?? '', s.studentId, s.loginId, s.section ?? '', formatPoints(s.score)];
  });
  const empty = CANVAS_IDENTITY_COLUMNS.slice(1).map(() => '');
  return (
    BOM +
    toCsv([
      [...CANVAS_IDENTITY_COLUMNS, assignmentColumn],
      [CANVAS_POINTS_POSSIBLE, ...empty, formatPoints(pointsPossible)],
      ...rows,
    ])
  );
}

/**
 * Reads a gradebook CSV back: ours, or a Canvas export when `assignmentColumn` names one of its
 * columns. Without it the file must have exactly one column besides the student columns. Canvas's
 * "Points Possible" row and its row of muted/manual-posting markers are not students; its "EX"
 * (excused), "N/A" and "-" cells read as no score. Throws CsvError naming the line of a bad file.
 */
export function parseCanvasGradebookCsv(text: string, assignmentColumn?: string): CanvasGradebook {
  const [header, ...body] = parseCsvRecords(text);
  if (!header) throw new CsvError(1, 'the gradebook is empty; expected a header row');
  const at = (name: string) => header.fields.indexOf(name);
  for (const name of CANVAS_IDENTITY_COLUMNS) {
    if (at(name) === -1) throw new CsvError(header.line, `the header has no "${name}" column`);
  }
  const others = header.fields.filter((f) => !(CANVAS_IDENTITY_COLUMNS as readonly string[]).includes(f));
  const column = assignmentColumn ?? (others.length === 1 ? others[0] : undefined);
  if (column === undefined) {
    throw new CsvError(
      header.line,
      `expected one assignment column besides the student columns; found ${others.length}: ${others.join(', ')}`,
    );
  }
  const scoreAt = at(column);
  if (scoreAt === -1) throw new CsvError(header.line, `the header has no "${column}" column`);

  let pointsPossible: number | null = null;
  const students: CanvasGradebookStudent[] = [];
  for (const { line, fields } of body) {
    const cell = (index: number) => fields[index] ?? '';
    const name = cell(at('Student'));
    if (/Points Possible/.test(name)) {
      pointsPossible = readPoints(cell(scoreAt), line, column);
      continue;
    }
    // Blank lines and Canvas's "Muted" / "Manual Posting" marker row carry no student.
    if (CANVAS_IDENTITY_COLUMNS.every((c) => cell(at(c)).trim() === '')) continue;
    const canvasId = cell(at('ID'));
    students.push({
      name,
      canvasId: canvasId === '' ? null : canvasId,
      studentId: cell(at('SIS User ID')),
      loginId: cell(at('SIS Login ID')),
      section: cell(at('Section')) || null,
      score: readPoints(cell(scoreAt), line, column),
    });
  }
  if (pointsPossible === null) throw new CsvError(header.line, 'the gradebook has no "Points Possible" row');
  return { assignmentColumn: column, pointsPossible, students };
}

function checkPoints(points: number, what: string): void {
  if (!Number.isFinite(points) || points < 0) {
    throw new RangeError(`Canvas gradebook: ${what} is ${points}; expected a number ≥ 0`);
  }
}

// Up to 4 decimals, as scores are kept (roundPoints); Canvas reads any decimal.
function formatPoints(points: number | null): string {
  return points === null ? '' : String(roundPoints(points));
}

const NO_SCORE = new Set(['', '-', 'EX', 'N/A']);

function readPoints(text: string, line: number, column: string): number | null {
  const trimmed = text.trim();
  if (NO_SCORE.has(trimmed.toUpperCase())) return null;
  const value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) throw new CsvError(line, `"${text}" in column "${column}" is not a number`);
  return value;
}
