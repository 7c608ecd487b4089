'use client';
import { useT } from '@/client/providers';

export interface TestVerdict {
  id: string;
  name: string;
  hidden: boolean;
  passed: boolean;
  message: string;
}

export function TestResults({ results, testId }: { results: TestVerdict[]; testId: string }) {
  const t = useT();
  return (
    <table data-testid={testId}>
      <tbody>
        {results.map((r) => (
          <tr key={r.id} className={r.passed ? 'success' : 'error'}>
            <td>{r.passed ? '✓' : '✗'}</td>
            <td>
              {r.name} {r.hidden && <span className="badge">{t('hiddenTest')}</span>}
            </td>
            <td className="message">{r.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
