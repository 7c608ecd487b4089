'use client';
import type { LocalizedText } from '@infer-lab/quiz';
import { useT } from '@/client/providers';

/** One Markdown text in both languages, side by side. */
export function LocalizedTextField(props: {
  label: string;
  name: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  rows?: number;
}) {
  const { label, name, value, onChange, rows = 3 } = props;
  const t = useT();
  return (
    <fieldset className="ta-text">
      <legend>{label}</legend>
      <label>
        <span className="muted">{t('taTextZh')}</span>
        <textarea
          name={`${name}-zh`}
          lang="zh-TW"
          rows={rows}
          value={value['zh-TW']}
          onChange={(e) => onChange({ ...value, 'zh-TW': e.target.value })}
        />
      </label>
      <label>
        <span className="muted">{t('taTextEn')}</span>
        <textarea
          name={`${name}-en`}
          lang="en"
          rows={rows}
          value={value.en}
          onChange={(e) => onChange({ ...value, en: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
