'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import type { MessageKey } from '@/i18n/messages';
import { downloadText } from '../download';
import { COURSE_TIMEZONE } from '../taipei-time';
import { filterStudents, type GradebookStudent, type Sort, type SortColumn, sortStudents } from './sorting';

const studentColumns: { column: SortColumn; label: MessageKey }[] = [
  { column: 'name', label: 'taStudent' },
  { column: 'studentId', label: 'taStudentId' },
  { column: 'section', label: 'taSection' },
  { column: 'bestScore', label: 'bestScore' },
  { column: 'attempts', label: 'attempts' },
  { column: 'lastSubmittedAt', label: 'taLastSubmission' },
];

function QuestionCell({ result }: { result: GradebookStudent['perQuestion'][string] | undefined }) {
  if (!result) return <td className="muted">—</td>;
  const mark = result.pending ? '⏳' : result.correct ? '✓' : '✗';
  const state = result.pending ? 'pending' : result.correct ? 'right' : 'wrong';
  return (
    <td className={`ta-cell ${state}`}>
      {mark} {result.points}
    </td>
  );
}

export function GradebookTab({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const book = useQuery(trpc.ta.gradebook.get.queryOptions({ assignmentId }));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ column: 'studentId', descending: false });
  const exportCsv = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery({ ...trpc.ta.gradebook.exportCsv.queryOptions({ assignmentId }), staleTime: 0 }),
    onSuccess: ({ filename, csv }) => downloadText(filename, csv),
  });
  if (book.isPending) return <p className="card">{t('loading')}</p>;
  if (book.error) return <p className="card error">{t('error', { message: book.error.message })}</p>;

  const { assignment, questions } = book.data;
  const students = sortStudents(filterStudents(book.data.students, query), sort);
  const header = (column: SortColumn, label: string) => {
    const active = sort.column === column;
    return (
      <th key={column} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="link ta-sort"
          onClick={() => setSort({ column, descending: active && !sort.descending })}
        >
          {label}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };

  return (
    <section className="card" data-testid="gradebook">
      <div className="ta-row">
        <label className="ta-filter">
          {t('taFilter')}
          <input
            type="search"
            value={query}
            placeholder={t('taFilterHint')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="gradebook-filter"
          />
        </label>
        <button
          type="button"
          onClick={() => exportCsv.mutate()}
          disabled={exportCsv.isPending}
          data-testid="export-csv"
        >
          {t('taExportCsv')}
        </button>
      </div>
      {exportCsv.error && (
        <p className="error" role="alert">
          {exportCsv.error.message}
        </p>
      )}
      <p className="muted">
        {t('taGradebookSummary', {
          shown: students.length,
          total: book.data.students.length,
          max: assignment.maxScore,
        })}
      </p>
      <div className="ta-scroll">
        <table className="ta-gradebook">
          <thead>
            <tr>
              {studentColumns.map((c) => header(c.column, t(c.label)))}
              {questions.map((q) => header(`q:${q.id}`, t('taQuestionShort', { n: q.number })))}
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={s.userId} data-testid={`gradebook-row-${s.studentId ?? s.userId}`}>
                <td>
                  {s.name}
                  <div className="muted small">{s.email}</div>
                </td>
                <td>{s.studentId ?? '—'}</td>
                <td>{s.section ?? '—'}</td>
                <td data-testid="gradebook-best">
                  <strong>{s.bestScore ?? '—'}</strong>
                </td>
                <td>{s.attempts}</td>
                <td className="nowrap">
                  {s.lastSubmittedAt ? formatDateTime(s.lastSubmittedAt, locale, COURSE_TIMEZONE) : '—'}
                </td>
                {questions.map((q) => (
                  <QuestionCell key={q.id} result={s.perQuestion[q.id]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('taGradebookLegend')}</p>
    </section>
  );
}
