import type { FormEvent } from 'react';
import { FormField } from '../generate/form-field.js';
import {
  KEY_CHOICES,
  SKILL_CHOICES,
  subtypesOf,
  withSkillType,
  type ExerciseForm,
  type ExerciseFormErrors,
} from './exercise-form-model.js';

const DIFFICULTIES = Array.from({ length: 10 }, (_, i) => i + 1);

/**
 * What to practise: type, subtype, difficulty, key, bars and tempo (empty: the difficulty decides),
 * and whether the audio starts with a count-in bar and clicks along.
 */
export function ExerciseFormView({
  form,
  onChange,
  errors,
  busy,
  onSubmit,
}: {
  readonly form: ExerciseForm;
  readonly onChange: (form: ExerciseForm) => void;
  readonly errors: ExerciseFormErrors;
  readonly busy: boolean;
  readonly onSubmit: () => void;
}) {
  const set = (changes: Partial<ExerciseForm>) => onChange({ ...form, ...changes });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form className="panel practice-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="form-grid">
        <FormField label="Exercise type">
          {(control) => (
            <select
              {...control}
              value={form.skillType}
              onChange={(event) => onChange(withSkillType(form, event.target.value))}
            >
              {SKILL_CHOICES.map((skill) => (
                <option key={skill.id} value={skill.id}>
                  {skill.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Subtype">
          {(control) => (
            <select
              {...control}
              value={form.subtype}
              onChange={(event) => set({ subtype: event.target.value })}
            >
              {subtypesOf(form.skillType).map((subtype) => (
                <option key={subtype.id} value={subtype.id}>
                  {subtype.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Difficulty" hint="1 easiest – 10 hardest">
          {(control) => (
            <select
              {...control}
              value={form.difficulty}
              onChange={(event) => set({ difficulty: Number(event.target.value) })}
            >
              {DIFFICULTIES.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Key">
          {(control) => (
            <select {...control} value={form.key} onChange={(event) => set({ key: event.target.value })}>
              {KEY_CHOICES.map((key) => (
                <option key={key.id} value={key.id}>
                  {key.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Bars" error={errors.bars}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={128}
              value={form.bars}
              onChange={(event) => set({ bars: event.target.value })}
              placeholder="auto"
            />
          )}
        </FormField>
        <FormField label="Tempo (bpm)" error={errors.tempo}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={20}
              max={300}
              value={form.tempo}
              onChange={(event) => set({ tempo: event.target.value })}
              placeholder="auto"
            />
          )}
        </FormField>
      </div>
      <div className="practice-form__checks">
        <label>
          <input
            type="checkbox"
            checked={form.countIn}
            onChange={(event) => set({ countIn: event.target.checked })}
          />{' '}
          Count-in bar in the audio
        </label>
        <label>
          <input
            type="checkbox"
            checked={form.metronome}
            onChange={(event) => set({ metronome: event.target.checked })}
          />{' '}
          Metronome clicks in the audio
        </label>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Making the exercise…' : 'New exercise'}
      </button>
    </form>
  );
}
