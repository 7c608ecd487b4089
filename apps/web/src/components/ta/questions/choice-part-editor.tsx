'use client';
import type { ChoicePart } from '@infer-lab/quiz';
import { useT } from '@/client/providers';
import { LocalizedTextField } from '../localized-text-field';

/** Options and key of one choice part; `choose` stays as it is, so the key must name that many. */
export function ChoicePartEditor(props: {
  name: string;
  part: ChoicePart;
  onChange: (part: ChoicePart) => void;
}) {
  const { name, part, onChange } = props;
  const t = useT();
  const single = part.choose === 1;
  const setKey = (id: string, checked: boolean) => {
    const others = part.key.filter((k) => k !== id);
    onChange({ ...part, key: single ? [id] : checked ? [...others, id].sort() : others });
  };
  const addOption = () => {
    const id = String.fromCharCode('A'.charCodeAt(0) + part.options.length);
    onChange({ ...part, options: [...part.options, { id, text: { 'zh-TW': '', en: '' } }] });
  };
  const removeLastOption = () => {
    const last = part.options.at(-1);
    onChange({ ...part, options: part.options.slice(0, -1), key: part.key.filter((k) => k !== last?.id) });
  };
  return (
    <div className="ta-part-editor">
      {part.prompt && (
        <LocalizedTextField
          label={t('taPrompt')}
          name={`${name}-prompt`}
          value={part.prompt}
          onChange={(prompt) => onChange({ ...part, prompt })}
        />
      )}
      <p className="muted">{single ? t('taKeyOne') : t('taKeyN', { n: part.choose })}</p>
      {part.options.map((option, i) => (
        <div key={option.id} className={`ta-option-edit${part.key.includes(option.id) ? ' key' : ''}`}>
          <label className="ta-key-toggle">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={`${name}-key`}
              value={option.id}
              checked={part.key.includes(option.id)}
              onChange={(e) => setKey(option.id, e.target.checked)}
            />
            {t('taIsKey', { id: option.id })}
          </label>
          <LocalizedTextField
            label={t('taOption', { id: option.id })}
            name={`${name}-option-${option.id}`}
            value={option.text}
            rows={2}
            onChange={(text) =>
              onChange({ ...part, options: part.options.map((o, j) => (j === i ? { ...o, text } : o)) })
            }
          />
        </div>
      ))}
      <div className="ta-actions">
        <button type="button" className="secondary" onClick={addOption} disabled={part.options.length >= 26}>
          {t('taAddOption')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={removeLastOption}
          disabled={part.options.length <= Math.max(2, part.choose)}
        >
          {t('taRemoveOption')}
        </button>
      </div>
    </div>
  );
}
