'use client';
// One question at a time: edit, preview what the change does to attempts and best scores, then apply.
// The version the editor started from goes with the edit, so a save on top of someone else's fails.
import type { Question } from '@infer-lab/quiz';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, useTRPC } from '@/client/providers';
import { LocalizedTextField } from '../localized-text-field';
import { ChoicePartEditor } from './choice-part-editor';

type Mode = 'new-key' | 'full-credit';

export interface AppliedEdit {
  questionNumber: number;
  version: number;
  changedAttempts: number;
  changedBestScores: number;
}

export function QuestionEditor(props: {
  assignmentId: string;
  baseVersionId: string;
  question: Question;
  onApplied: (applied: AppliedEdit) => void;
  onCancel: () => void;
}) {
  const { assignmentId, baseVersionId, question, onApplied, onCancel } = props;
  const trpc = useTRPC();
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Question>(() => structuredClone(question));
  const [mode, setMode] = useState<Mode>(question.fullCredit ? 'full-credit' : 'new-key');
  const preview = useMutation(trpc.ta.quiz.previewEdit.mutationOptions());
  const apply = useMutation(
    trpc.ta.quiz.applyEdit.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.ta.pathKey() });
        onApplied({ questionNumber: question.number, ...result });
      },
    }),
  );
  // Any change makes the last preview stale: Apply waits for a new one.
  const change = (next: Question, nextMode = mode) => {
    setDraft(next);
    setMode(nextMode);
    preview.reset();
    apply.reset();
  };
  const edit = { assignmentId, baseVersionId, question: draft, mode };
  const error = preview.error ?? apply.error;
  const name = draft.id;

  return (
    <section className="card question ta-editor" data-testid={`question-editor-${question.id}`}>
      <h2>{t('taEditing', { n: question.number })}</h2>
      <LocalizedTextField
        label={t('taStem')}
        name={`${name}-stem`}
        value={draft.stem}
        rows={5}
        onChange={(stem) => change({ ...draft, stem })}
      />
      {draft.parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed and identified by position
        <div key={i} className="ta-part">
          {draft.parts.length > 1 && <h3>{t('part', { n: i + 1 })}</h3>}
          {part.kind === 'choice' ? (
            <ChoicePartEditor
              name={`${name}-${i}`}
              part={part}
              onChange={(next) =>
                change({ ...draft, parts: draft.parts.map((p, j) => (j === i ? next : p)) })
              }
            />
          ) : (
            <LocalizedTextField
              label={t('taPrompt')}
              name={`${name}-${i}-prompt`}
              value={part.prompt}
              onChange={(prompt) =>
                change({ ...draft, parts: draft.parts.map((p, j) => (j === i ? { ...part, prompt } : p)) })
              }
            />
          )}
        </div>
      ))}
      <LocalizedTextField
        label={t('explanation')}
        name={`${name}-explanation`}
        value={draft.explanation}
        rows={4}
        onChange={(explanation) => change({ ...draft, explanation })}
      />

      <fieldset className="ta-mode">
        <legend>{t('taModeTitle')}</legend>
        {(['new-key', 'full-credit'] as const).map((m) => (
          <label key={m} className="ta-inline">
            <input
              type="radio"
              name={`${name}-mode`}
              value={m}
              checked={mode === m}
              onChange={() => change(draft, m)}
            />
            {t(m === 'new-key' ? 'taModeNewKey' : 'taModeFullCredit')}
          </label>
        ))}
      </fieldset>

      {preview.data && (
        <p className="notice" data-testid="edit-preview">
          {t('taPreviewResult', {
            attempts: preview.data.attempts,
            changed: preview.data.changedAttempts,
            best: preview.data.changedBestScores,
            raised: preview.data.raisedBestScores,
            lowered: preview.data.loweredBestScores,
          })}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="edit-error">
          {error.message}
        </p>
      )}
      <div className="ta-actions">
        <button
          type="button"
          className="secondary"
          data-testid="edit-preview-button"
          disabled={preview.isPending}
          onClick={() => preview.mutate(edit)}
        >
          {t('taPreview')}
        </button>
        <button
          type="button"
          data-testid="edit-apply-button"
          disabled={!preview.data || apply.isPending}
          title={preview.data ? undefined : t('taPreviewFirst')}
          onClick={() => apply.mutate(edit)}
        >
          {apply.isPending ? t('taApplying') : t('taApply')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('taCancel')}
        </button>
      </div>
    </section>
  );
}
