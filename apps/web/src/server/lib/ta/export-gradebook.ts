import type { PrismaClient } from '@infer-lab/db';
import { toCanvasGradebookCsv } from '@infer-lab/quiz';
import { gradebook } from './gradebook.ts';

/** The gradebook in NTU COOL's (Canvas's) import format: UTF-8 with BOM. */
export async function exportGradebookCsv(prisma: PrismaClient, assignmentId: string) {
  const book = await gradebook(prisma, assignmentId);
  const csv = toCanvasGradebookCsv({
    assignmentColumn: book.assignment.title.en,
    pointsPossible: book.assignment.maxScore,
    students: book.students.map((s) => ({
      name: s.name,
      studentId: s.studentId ?? '',
      loginId: s.email,
      section: s.section,
      score: s.bestScore,
    })),
  });
  return { filename: `${assignmentId}-gradebook.csv`, csv };
}
