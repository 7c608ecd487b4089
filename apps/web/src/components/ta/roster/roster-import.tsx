'use client';
// Roster import: paste or upload a CSV, preview what each row would do, then import. The server reads
// the CSV again on import, so the preview only informs; it never decides.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { Credentials } from './credentials';
import { RosterPreviewTable } from './roster-preview-table';

const MAX_CSV_CHARS = 400_000;

export function RosterImport() {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const courses = useQuery(trpc.ta.courses.list.queryOptions());
  const [chosenCourse, setChosenCourse] = useState('');
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation(trpc.ta.roster.preview.mutationOptions());
  const importRoster = useMutation(
    trpc.ta.roster.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.ta.pathKey() }),
    }),
  );
  const courseId = chosenCourse || courses.data?.[0]?.id || '';
  const changeCsv = (text: string) => {
    setCsv(text);
    preview.reset();
    importRoster.reset();
  };
  const readFile = async (file: File) => {
    setFileError(null);
    if (file.size > MAX_CSV_CHARS) return setFileError(t('taCsvTooLarge', { name: file.name }));
    changeCsv(await file.text());
  };
  const importable = preview.data?.rows.filter((r) => r.status !== 'error').length ?? 0;
  const error = preview.error ?? importRoster.error;

  return (
    <section className="card ta-wide ta-stack" data-testid="roster-import">
      <p>
        <Link href={`/${locale}/ta`}>{t('taBackToConsole')}</Link>
      </p>
      <h1>{t('taRosterTitle')}</h1>
      <p className="muted">{t('taRosterHelp')}</p>
      <label>
        {t('taCourse')}
        <select value={courseId} onChange={(e) => setChosenCourse(e.target.value)}>
          {courses.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('taRosterFile')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="roster-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readFile(file);
          }}
        />
      </label>
      {fileError && (
        <p className="error" role="alert">
          {fileError}
        </p>
      )}
      <label>
        {t('taRosterPaste')}
        <textarea
          rows={8}
          className="mono"
          value={csv}
          maxLength={MAX_CSV_CHARS}
          placeholder={'studentId,name,email,section\nB12901003,陳大文,b12901003@ntu.edu.tw,01'}
          onChange={(e) => changeCsv(e.target.value)}
          data-testid="roster-csv"
        />
      </label>
      <div className="ta-actions">
        <button
          type="button"
          className="secondary"
          disabled={!csv.trim() || !courseId || preview.isPending}
          onClick={() => preview.mutate({ courseId, csv })}
          data-testid="roster-preview-button"
        >
          {t('taPreview')}
        </button>
        <button
          type="button"
          disabled={importable === 0 || importRoster.isPending || importRoster.isSuccess}
          onClick={() => importRoster.mutate({ courseId, csv })}
          data-testid="roster-import-button"
        >
          {t('taRosterImport', { count: importable })}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {importRoster.data && (
        <p className="success" role="status" data-testid="roster-imported">
          {t('taRosterImported', {
            created: importRoster.data.created,
            updated: importRoster.data.updated,
            skipped: importRoster.data.skippedRows.length + importRoster.data.errors.length,
          })}
        </p>
      )}
      {importRoster.data && <Credentials rows={importRoster.data.credentials} />}
      {preview.data && !importRoster.data && <RosterPreviewTable preview={preview.data} />}
    </section>
  );
}
