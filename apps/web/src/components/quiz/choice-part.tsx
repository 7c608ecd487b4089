'use client';
import type { Locale } from '@infer-lab/quiz';
import { useT } from '@/client/providers';
import { Markdown } from '../markdown';

export interface ChoicePartView {
  kind: 'choice';
  prompt?: Record<Locale, string>;
  choose: number;
  options: { id: string; text: Record<Locale, string> }[];
  points: number;
  key?: string[];
}

export function ChoicePart(props: {
  name: string;
  part: ChoicePartView;
  locale: Locale;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const { name, part, locale, selected, onChange } = props;
  const t = useT();
  const single = part.choose === 1;
  const toggle = (id: string, checked: boolean) => {
    if (single) onChange([id]);
    else
      onChange(checked ? [...selected.filter((s) => s !== id), id].sort() : selected.filter((s) => s !== id));
  };
  return (
    <fieldset className="part">
      {part.prompt && <Markdown text={part.prompt[locale]} />}
      <legend className="muted">
        {single ? t('chooseOne') : t('chooseN', { n: part.choose })}
        {!single && (
          <span data-testid={`${name}-count`}>
            {' '}
            · {t('selectedCount', { count: selected.length, n: part.choose })}
          </span>
        )}
      </legend>
      {part.options.map((option) => {
        const isKey = part.key?.includes(option.id);
        return (
          <label key={option.id} className={`option${isKey ? ' key' : ''}`}>
            <input
              type={single ? 'radio' : 'checkbox'}
              name={name}
              value={option.id}
              checked={selected.includes(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
            />
            <span className="option-id">{option.id}.</span>
            <Markdown text={option.text[locale]} />
          </label>
        );
      })}
      {part.key && (
        <p className="answer-key">
          {t('answerKey')}: {part.key.join(', ')}
        </p>
      )}
    </fieldset>
  );
}
