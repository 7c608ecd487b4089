'use client';
// A code blank: the statement, the editor (template with the TODO region), "Run visible tests",
// "Submit", and the submission history with live statuses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { Deadline } from '../deadline';
import { Markdown } from '../markdown';
import { CodeEditor } from './code-editor';
import { SubmissionRow } from './submission-row';
import { TestResults } from './test-results';

export function CodeBlankPage({
  assignmentId,
  blankId,
  userId,
}: {
  assignmentId: string;
  blankId: string;
  userId: string;
}) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const data = useQuery(trpc.student.code.get.queryOptions({ assignmentId, blankId }));
  const storageKey = `il-code:${userId}:${assignmentId}:${blankId}`;
  const [code, setCode] = useState<string | null>(null);
  const refresh = useCallback(
    () =>
      queryClient.invalidateQueries({ queryKey: trpc.student.code.get.queryKey({ assignmentId, blankId }) }),
    [queryClient, trpc, assignmentId, blankId],
  );
  const run = useMutation(trpc.student.code.runVisible.mutationOptions());
  const submit = useMutation(trpc.student.code.submit.mutationOptions({ onSuccess: () => void refresh() }));

  // The editor starts from this device's unsent work, else the last submission, else the template.
  const initial = useMemo(() => {
    if (!data.data) return null;
    const local = typeof window === 'undefined' ? null : window.localStorage.getItem(storageKey);
    return local ?? data.data.lastCode ?? data.data.blank.template;
  }, [data.data, storageKey]);

  if (data.isPending) return <p className="card">{t('loading')}</p>;
  if (data.error) return <p className="card error">{t('error', { message: data.error.message })}</p>;
  const { assignment, blank, submissions, bestScore, bestSubmissionId } = data.data;
  const current = code ?? initial ?? blank.template;
  const onChange = (next: string) => {
    setCode(next);
    window.localStorage.setItem(storageKey, next);
  };

  return (
    <div className="quiz">
      <p>
        <Link href={`/${locale}/code/${assignmentId}`}>← {assignment.title[locale]}</Link>
      </p>
      <section className="card">
        <h1>{blank.title[locale]}</h1>
        <p>
          {t('deadline')}: <Deadline at={assignment.dueAt} timezone={assignment.timezone} />
        </p>
        <Markdown text={blank.statement[locale]} />
        <pre className="signature">{blank.signature}</pre>
        <p className="muted">
          {t('tests')}:{' '}
          {blank.tests.map((x) => `${x.title[locale]}${x.hidden ? ` (${t('hiddenTest')})` : ''}`).join(' · ')}
        </p>
      </section>
      <section className="card">
        {initial !== null && <CodeEditor initial={initial} onChange={onChange} />}
        <div className="actions">
          <button
            type="button"
            data-testid="run-visible"
            disabled={run.isPending}
            onClick={() => run.mutate({ assignmentId, blankId, code: current })}
          >
            {run.isPending ? t('running') : t('runVisible')}
          </button>
          {assignment.state === 'open' && (
            <button
              type="button"
              data-testid="submit-code"
              disabled={submit.isPending}
              onClick={() => submit.mutate({ assignmentId, blankId, code: current })}
            >
              {submit.isPending ? t('submitting') : t('submitCode')}
            </button>
          )}
          {assignment.state === 'closed' && <span className="notice">{t('deadlinePassed')}</span>}
        </div>
        {run.error && (
          <p className="error" role="alert">
            {run.error.message}
          </p>
        )}
        {submit.error && (
          <p className="error" role="alert" data-testid="submit-error">
            {submit.error.message}
          </p>
        )}
        {run.data && !run.data.ok && <p className="error">{run.data.error}</p>}
        {run.data?.ok && <TestResults results={run.data.results} testId="visible-results" />}
        {run.data?.ok && run.data.console && <pre className="console">{run.data.console}</pre>}
      </section>
      <section className="card">
        <h2>{t('history')}</h2>
        <p>
          {t('bestScore')}: <strong data-testid="code-best-score">{bestScore ?? '—'}</strong> / {blank.points}
        </p>
        <table>
          <tbody>
            {submissions.map((s) => (
              <SubmissionRow
                key={s.id}
                submissionId={s.id}
                isBest={s.id === bestSubmissionId}
                onFinal={() => void refresh()}
              />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
