import { useId } from 'react';
import type { Choice } from './export-options.js';

/** A labelled group of radio buttons, each with an optional hint; arrow keys move between them. */
export function ChoiceGroup<V extends string>({
  legend,
  choices,
  value,
  onChange,
  compact = false,
}: {
  readonly legend: string;
  readonly choices: readonly Choice<V>[];
  readonly value: V;
  readonly onChange: (value: V) => void;
  /** Options in one row, without hints' extra height. */
  readonly compact?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className={compact ? 'choice-group choice-group--compact' : 'choice-group'}>
      <legend>{legend}</legend>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice__text">
              <span className="choice__label">{choice.label}</span>
              {/* The space keeps label and hint apart in the radio's accessible name. */}{' '}
              {choice.hint && <span className="choice__hint">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
