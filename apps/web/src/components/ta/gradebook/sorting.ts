// Gradebook sorting and filtering: one column at a time; empty cells sort last either way.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/app';

export type Gradebook = inferRouterOutputs<AppRouter>['ta']['gradebook']['get'];
export type GradebookStudent = Gradebook['students'][number];

/** A student column, or `q:<questionId>` for a question's points. */
export type SortColumn =
  | 'name'
  | 'studentId'
  | 'section'
  | 'bestScore'
  | 'attempts'
  | 'lastSubmittedAt'
  | `q:${string}`;
export type Sort = { column: SortColumn; descending: boolean };

function cellValue(s: GradebookStudent, column: SortColumn): string | number | null {
  if (column.startsWith('q:')) return s.perQuestion[column.slice(2)]?.points ?? null;
  switch (column) {
    case 'lastSubmittedAt':
      return s.lastSubmittedAt ? s.lastSubmittedAt.getTime() : null;
    case 'name':
    case 'studentId':
    case 'section':
    case 'bestScore':
    case 'attempts':
      return s[column];
    default:
      return null;
  }
}

export function sortStudents(students: GradebookStudent[], sort: Sort): GradebookStudent[] {
  return [...students].sort((a, b) => {
    const x = cellValue(a, sort.column);
    const y = cellValue(b, sort.column);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });
}

/** Case-insensitive match on name, student ID, email or section. */
export function filterStudents(students: GradebookStudent[], query: string): GradebookStudent[] {
  const q = query.trim().toLowerCase();
  if (!q) return students;
  return students.filter((s) =>
    [s.name, s.studentId, s.email, s.section].some((v) => v?.toLowerCase().includes(q)),
  );
}
