'use client';
import type { ItemStats } from '@infer-lab/quiz';
import { useLocale, useT } from '@/client/providers';
import { Bar } from '../bar';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const decimal = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** One choice part: percent correct, how often each option was chosen (key in green), flags. */
export function ItemCard({ item, multipart }: { item: ItemStats; multipart: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section
      className={`card ta-item${item.flags.length ? ' flagged' : ''}`}
      data-testid={`item-${item.questionId}-${item.part}`}
    >
      <h3>
        {t('question', { n: item.questionNumber })}
        {multipart && <span className="muted"> · {t('part', { n: item.part + 1 })}</span>}
        <span className="muted">
          {' '}
          · {t('answerKey')}: {item.key.join(', ')}
        </span>
      </h3>
      <div className="ta-bar-row">
        <span className="ta-bar-label">{t('taPercentCorrect')}</span>
        <Bar share={item.p ?? 0} label={percent(item.p)} />
        <span className="ta-bar-value">
          {percent(item.p)} ({item.correct})
        </span>
      </div>
      <p className="muted small">
        {t('taDifficulty')} p = {decimal(item.p)} · {t('taDiscrimination')} D = {decimal(item.discrimination)}{' '}
        ({t('taUpperLower', { upper: percent(item.upperP), lower: percent(item.lowerP) })})
      </p>
      <div className="ta-distribution">
        {item.options.map((o) => (
          <div key={o.optionId} className={`ta-bar-row${o.isKey ? ' key' : ''}`}>
            <span className="ta-bar-label">
              {o.optionId}
              {o.isKey ? ' ✓' : ''}
            </span>
            <Bar share={o.share} label={`${o.optionId}: ${percent(o.share)}`} highlight={o.isKey} />
            <span className="ta-bar-value">
              {o.count} ({percent(o.share)}){' '}
              <span
                className="muted small"
                title={t('taGroupCountsLong', { upper: o.upperCount, lower: o.lowerCount })}
              >
                {t('taGroupCounts', { upper: o.upperCount, lower: o.lowerCount })}
              </span>
            </span>
          </div>
        ))}
        {item.noAnswer.count > 0 && (
          <div className="ta-bar-row">
            <span className="ta-bar-label">—</span>
            <Bar share={item.noAnswer.share} label={t('taNoAnswer')} />
            <span className="ta-bar-value">
              {item.noAnswer.count} ({percent(item.noAnswer.share)}) {t('taNoAnswer')}
            </span>
          </div>
        )}
      </div>
      {item.flags.length > 0 && (
        <ul className="ta-flags">
          {item.flags.map((flag) => (
            <li key={flag.code} data-flag={flag.code}>
              ⚠ {flag.message[locale]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
