'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT, useTRPC } from '@/client/providers';
import { taipeiInputToDate } from '../taipei-time';

/** Pick a student of the gradebook, a new deadline in Taipei time and a reason. */
export function GrantForm({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const queryClient = useQueryClient();
  const book = useQuery(trpc.ta.gradebook.get.queryOptions({ assignmentId }));
  const [userId, setUserId] = useState('');
  const [dueAt, setDueAt] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const grant = useMutation(
    trpc.ta.extensions.grant.mutationOptions({
      onSuccess: () => {
        setReason('');
        void queryClient.invalidateQueries({ queryKey: trpc.ta.pathKey() });
      },
    }),
  );
  return (
    <form
      className="card ta-form"
      data-testid="extension-form"
      onSubmit={(e) => {
        e.preventDefault();
        const date = taipeiInputToDate(dueAt);
        setInvalid(!date);
        if (date) grant.mutate({ assignmentId, userId, dueAt: date, reason: reason.trim() || undefined });
      }}
    >
      <h2>{t('taGrantTitle')}</h2>
      <label>
        {t('taStudent')}
        <select name="student" required value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">{t('taChooseStudent')}</option>
          {book.data?.students.map((s) => (
            <option key={s.userId} value={s.userId}>
              {s.name} ({s.studentId ?? s.email})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('taNewDeadline')}
        <input
          name="dueAt"
          type="datetime-local"
          required
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
        />
      </label>
      <label>
        {t('taReason')}
        <input
          name="reason"
          type="text"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {invalid && (
        <p className="error" role="alert">
          {t('taBadDate')}
        </p>
      )}
      {grant.error && (
        <p className="error" role="alert">
          {grant.error.message}
        </p>
      )}
      {grant.isSuccess && (
        <p className="success" role="status">
          {t('taGranted')}
        </p>
      )}
      <button type="submit" disabled={grant.isPending}>
        {t('taGrant')}
      </button>
    </form>
  );
}
