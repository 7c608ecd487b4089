'use client';
import type { Locale } from '@infer-lab/quiz';
import { useState } from 'react';
import { useT } from '@/client/providers';
import { Markdown } from '../markdown';

export function UploadPart(props: {
  assignmentId: string;
  questionId: string;
  prompt: Record<Locale, string>;
  locale: Locale;
  uploadId: string | undefined;
  onUploaded: (uploadId: string) => void;
}) {
  const { assignmentId, questionId, prompt, locale, uploadId, onUploaded } = props;
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set('file', file);
    form.set('assignmentId', assignmentId);
    form.set('questionId', questionId);
    try {
      const response = await fetch('/api/uploads', {
        method: 'POST',
        body: form,
        headers: { 'x-locale': locale },
      });
      const body = (await response.json()) as { id?: string; error?: { message: string } };
      if (!response.ok || !body.id) setError(body.error?.message ?? response.statusText);
      else onUploaded(body.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="part">
      <Markdown text={prompt[locale]} />
      <label className="upload">
        {t('uploadImage')}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          data-testid={`upload-${questionId}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      {busy && <p className="muted">{t('uploading')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {uploadId && !busy && (
        <figure>
          {/* biome-ignore lint/performance/noImgElement: a private, per-user image; no optimisation wanted */}
          <img src={`/api/uploads/${uploadId}`} alt={t('uploaded')} className="preview" />
          <figcaption className="muted">{t('uploaded')}</figcaption>
        </figure>
      )}
    </fieldset>
  );
}
