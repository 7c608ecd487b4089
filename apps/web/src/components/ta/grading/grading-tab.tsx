'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import type { AppRouter } from '@/server/routers/app';
import { COURSE_TIMEZONE } from '../taipei-time';

type QueueItem = inferRouterOutputs<AppRouter>['ta']['grading']['queue'][number];

const questionNumber = (questionId: string) => Number(questionId.replace(/^q/, ''));

function GradingItem({ assignmentId, item }: { assignmentId: string; item: QueueItem }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  // Success refreshes the queue (this item leaves it) and the gradebook.
  const grade = useMutation(
    trpc.ta.grading.grade.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.ta.pathKey() }),
    }),
  );
  const give = (points: number) =>
    grade.mutate({
      assignmentId,
      uploadId: item.uploadId,
      questionId: item.questionId,
      part: item.part,
      points,
      comment: comment.trim() || undefined,
    });
  return (
    <section className="card ta-grading-item" data-testid={`grading-${item.questionId}-${item.uploadId}`}>
      <h2>
        {t('question', { n: questionNumber(item.questionId) })} · {t('part', { n: item.part + 1 })}{' '}
        <span className="muted">· {t('points', { points: item.maxPoints })}</span>
      </h2>
      <p>
        {item.student.name} <span className="muted">{item.student.studentId ?? ''}</span>
      </p>
      <p className="muted small">
        {t('submittedAt')}: {formatDateTime(item.firstSubmittedAt, locale, COURSE_TIMEZONE)} ·{' '}
        {t('taInAttempts', { count: item.attemptIds.length })}
      </p>
      <a href={`/api/uploads/${item.uploadId}`} target="_blank" rel="noreferrer">
        {/* biome-ignore lint/performance/noImgElement: a private upload served by our API; no optimisation wanted */}
        <img src={`/api/uploads/${item.uploadId}`} alt={t('taUploadAlt')} className="ta-upload" />
      </a>
      <label>
        {t('taComment')}
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
      </label>
      <div className="ta-actions">
        <button type="button" className="secondary" disabled={grade.isPending} onClick={() => give(0)}>
          {t('taGive', { points: 0 })}
        </button>
        <button type="button" disabled={grade.isPending} onClick={() => give(item.maxPoints)}>
          {t('taGive', { points: item.maxPoints })}
        </button>
      </div>
      {grade.error && (
        <p className="error" role="alert">
          {grade.error.message}
        </p>
      )}
    </section>
  );
}

export function GradingTab({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const queue = useQuery(trpc.ta.grading.queue.queryOptions({ assignmentId }));
  if (queue.isPending) return <p className="card">{t('loading')}</p>;
  if (queue.error) return <p className="card error">{t('error', { message: queue.error.message })}</p>;
  return (
    <div data-testid="grading-queue">
      <p className="card">{t('taQueueCount', { count: queue.data.length })}</p>
      {queue.data.map((item) => (
        <GradingItem
          key={`${item.student.id}:${item.questionId}:${item.part}:${item.uploadId}`}
          assignmentId={assignmentId}
          item={item}
        />
      ))}
    </div>
  );
}
