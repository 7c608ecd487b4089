'use client';
// Autosave: every change goes to localStorage at once and to the server shortly after, so neither a
// refresh nor a lost connection loses an answer. The newer of the two copies wins on load.
import type { AnswerSheet } from '@infer-lab/quiz';
import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/client/providers';

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'offline';

interface LocalDraft {
  answers: AnswerSheet;
  savedAt: number;
  synced: boolean;
}

const SAVE_DELAY_MS = 600;
const RETRY_MS = 5_000;

function readLocal(key: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function useDraft(
  assignmentId: string,
  userId: string,
  serverDraft: { answers: unknown; updatedAt: Date } | null,
) {
  const trpc = useTRPC();
  const storageKey = `il-draft:${userId}:${assignmentId}`;
  const [answers, setAnswers] = useState<AnswerSheet>({});
  const [status, setStatus] = useState<DraftStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<AnswerSheet>({});
  const save = useMutation(trpc.student.quiz.saveDraft.mutationOptions());
  // The mutation object changes every render; keep the save function stable so timers survive.
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;

  const pushToServer = useCallback(async () => {
    clearTimeout(timer.current);
    const sending = latest.current;
    setStatus('saving');
    try {
      await saveRef.current({ assignmentId, answers: sending });
      if (latest.current === sending) {
        window.localStorage.setItem(
          storageKey,
          JSON.stringify({ answers: sending, savedAt: Date.now(), synced: true }),
        );
        setStatus('saved');
      }
    } catch (error) {
      const status =
        error instanceof TRPCClientError
          ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
          : undefined;
      setStatus('offline');
      // Network trouble: try again later. A 4xx will not get better by retrying.
      if (!status || status >= 500) timer.current = setTimeout(() => void pushToServer(), RETRY_MS);
    }
  }, [assignmentId, storageKey]);

  // Load once: the newer of the server's draft and this device's copy.
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const local = readLocal(storageKey);
    const serverTime = serverDraft ? new Date(serverDraft.updatedAt).getTime() : 0;
    if (local && (!serverDraft || (!local.synced && local.savedAt > serverTime))) {
      latest.current = local.answers;
      setAnswers(local.answers);
      if (!local.synced) void pushToServer();
    } else if (serverDraft) {
      latest.current = serverDraft.answers as AnswerSheet;
      setAnswers(serverDraft.answers as AnswerSheet);
    }
  }, [serverDraft, storageKey, pushToServer]);

  useEffect(() => {
    const online = () => {
      if (readLocal(storageKey)?.synced === false) void pushToServer();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [pushToServer, storageKey]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (next: AnswerSheet) => {
      latest.current = next;
      setAnswers(next);
      window.localStorage.setItem(
        storageKey,
        JSON.stringify({ answers: next, savedAt: Date.now(), synced: false }),
      );
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void pushToServer(), SAVE_DELAY_MS);
    },
    [pushToServer, storageKey],
  );

  return { answers, update, status };
}
