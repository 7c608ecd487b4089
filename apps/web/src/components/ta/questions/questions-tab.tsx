'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, useTRPC } from '@/client/providers';
import { AuditLog } from './audit-log';
import { type AppliedEdit, QuestionEditor } from './question-editor';
import { QuestionView } from './question-view';
import { ReleasePanel } from './release-panel';

export function QuestionsTab({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const quiz = useQuery(trpc.ta.quiz.get.queryOptions({ assignmentId }));
  // The question being edited and the quiz version the edit started from.
  const [editing, setEditing] = useState<{ questionId: string; baseVersionId: string } | null>(null);
  const [applied, setApplied] = useState<AppliedEdit | null>(null);
  if (quiz.isPending) return <p className="card">{t('loading')}</p>;
  if (quiz.error) return <p className="card error">{t('error', { message: quiz.error.message })}</p>;
  const { assignment, content } = quiz.data;
  return (
    <div className="ta-questions">
      <ReleasePanel assignmentId={assignmentId} assignment={assignment} />
      <p className="muted">{t('taVersion', { version: assignment.version })}</p>
      {applied && (
        <p className="success" role="status" data-testid="edit-applied">
          {t('taApplied', {
            n: applied.questionNumber,
            version: applied.version,
            attempts: applied.changedAttempts,
            best: applied.changedBestScores,
          })}
        </p>
      )}
      {content.questions.map((q) =>
        editing?.questionId === q.id ? (
          <QuestionEditor
            key={q.id}
            assignmentId={assignmentId}
            baseVersionId={editing.baseVersionId}
            question={q}
            onCancel={() => setEditing(null)}
            onApplied={(result) => {
              setEditing(null);
              setApplied(result);
            }}
          />
        ) : (
          <QuestionView
            key={q.id}
            question={q}
            onEdit={() => {
              setApplied(null);
              setEditing({ questionId: q.id, baseVersionId: assignment.versionId });
            }}
          />
        ),
      )}
      <AuditLog assignmentId={assignmentId} />
    </div>
  );
}
