'use client';
import { useT } from '@/client/providers';
import { downloadText } from '../download';

type Credential = { studentId: string; name: string; email: string; password: string };

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** UTF-8 with BOM so Excel shows Chinese names; CRLF as in the gradebook export. */
function credentialsCsv(rows: Credential[]): string {
  const lines = [
    ['studentId', 'name', 'email', 'password'],
    ...rows.map((r) => [r.studentId, r.name, r.email, r.password]),
  ];
  return `\uFEFF${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The generated initial passwords: the server keeps only their hashes, so this is the one chance. */
export function Credentials({ rows }: { rows: Credential[] }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <div data-testid="roster-credentials">
      <p className="notice">{t('taPasswordsOnce')}</p>
      <button type="button" onClick={() => downloadText('initial-passwords.csv', credentialsCsv(rows))}>
        {t('taDownloadPasswords')}
      </button>
      <div className="ta-scroll">
        <table>
          <thead>
            <tr>
              <th>{t('taStudentId')}</th>
              <th>{t('taStudent')}</th>
              <th>{t('email')}</th>
              <th>{t('password')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.email}>
                <td>{r.studentId}</td>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>
                  <code>{r.password}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
