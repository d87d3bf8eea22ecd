import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http.js';
import { useSaveProfile, type StudentProfileResponse } from '../../api/learning.js';
import { ChoiceGroup } from '../../components/export/choice-group.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { FormField } from '../generate/form-field.js';
import { levelLabel } from './learn-format.js';
import {
  buildProfileBody,
  DEFAULT_ONBOARDING,
  formFromProfile,
  FREQUENCIES,
  GENRES,
  profileIssues,
  STYLES,
  type Genre,
  type OnboardingErrors,
  type OnboardingForm,
} from './onboarding-model.js';
import { useFocusHeading } from './use-focus-heading.js';

const LEVELS = Array.from({ length: 10 }, (_, index) => index + 1);

/**
 * Onboarding (no profile yet) or "Edit preferences" (a profile to change): the student's own level, how
 * often and how long they practise, the genres they like, how they learn best, their goals and the songs
 * they want to play. PUT /students/me/profile; a refused field's message sits under that field.
 */
export function OnboardingFormView({
  profile,
  onSaved,
  onCancel,
}: {
  /** Editing a saved profile (the level is then set by the placement and results, not asked). */
  readonly profile?: StudentProfileResponse;
  readonly onSaved?: () => void;
  readonly onCancel?: () => void;
}) {
  const editing = profile !== undefined;
  const [form, setForm] = useState<OnboardingForm>(() =>
    profile ? formFromProfile(profile) : DEFAULT_ONBOARDING,
  );
  const [localErrors, setLocalErrors] = useState<OnboardingErrors>({});
  const save = useSaveProfile();
  const headingRef = useFocusHeading();

  const serverIssues =
    save.error instanceof ApiError ? profileIssues(save.error.issues) : { fields: {}, other: [] };
  const errors: OnboardingErrors = { ...serverIssues.fields, ...localErrors };
  const set = (patch: Partial<OnboardingForm>) => setForm((current) => ({ ...current, ...patch }));
  const toggleGenre = (genre: Genre, on: boolean) =>
    set({ genres: on ? [...form.genres, genre] : form.genres.filter((g) => g !== genre) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildProfileBody(form, !editing);
    if ('errors' in built) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    save.mutate(built.body, { onSuccess: () => onSaved?.() });
  };

  return (
    <form className="panel learn-form" onSubmit={submit} noValidate aria-labelledby="learn-form-heading">
      <h2 id="learn-form-heading" ref={headingRef} tabIndex={-1}>
        {editing ? 'Your preferences' : 'Tell us about you'}
      </h2>
      {!editing && (
        <p className="muted">
          A few questions so the plan fits you: then a short placement test sets your starting point.
        </p>
      )}
      <div className="form-grid">
        {!editing && (
          <FormField
            label="Your level"
            hint="Your own guess: the placement test checks it."
            error={errors.self_level}
          >
            {(control) => (
              <select
                {...control}
                value={form.selfLevel}
                onChange={(e) => set({ selfLevel: e.target.value })}
              >
                {LEVELS.map((level) => (
                  <option key={level} value={String(level)}>
                    {levelLabel(level)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField label="How often you practise" error={errors.practice_frequency}>
          {(control) => (
            <select
              {...control}
              value={form.frequency}
              onChange={(e) => {
                const choice = FREQUENCIES.find((f) => f.value === e.target.value);
                if (choice) set({ frequency: choice.value });
              }}
            >
              {FREQUENCIES.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Minutes per session"
          hint="10 to 180: every session's items add up to about this."
          error={errors.session_duration}
        >
          {(control) => (
            <input
              {...control}
              className="input-short"
              inputMode="numeric"
              value={form.minutes}
              onChange={(e) => set({ minutes: e.target.value })}
            />
          )}
        </FormField>
      </div>
      <fieldset
        className="learn-genres"
        aria-describedby={errors.preferred_genres ? 'learn-genres-error' : undefined}
      >
        <legend>Genres you like</legend>
        <div className="learn-genres__options">
          {GENRES.map((genre) => (
            <label key={genre.value} className="checkbox">
              <input
                type="checkbox"
                checked={form.genres.includes(genre.value)}
                onChange={(e) => toggleGenre(genre.value, e.target.checked)}
              />
              {genre.label}
            </label>
          ))}
        </div>
        {errors.preferred_genres && (
          <p id="learn-genres-error" className="form-field__error error">
            {errors.preferred_genres}
          </p>
        )}
      </fieldset>
      <ChoiceGroup
        legend="You learn best by"
        choices={STYLES}
        value={form.style}
        onChange={(style) => set({ style })}
        compact
      />
      <div className="form-grid">
        <FormField label="Goals for the next weeks" hint="One a line." error={errors.short_term_goals}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.shortGoals}
              onChange={(e) => set({ shortGoals: e.target.value })}
            />
          )}
        </FormField>
        <FormField label="Long-term goals" hint="One a line." error={errors.long_term_goals}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.longGoals}
              onChange={(e) => set({ longGoals: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          label="Songs you want to play"
          hint="One a line: a title, or an id from the Songs page."
          error={errors.target_songs}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.songs}
              onChange={(e) => set({ songs: e.target.value })}
            />
          )}
        </FormField>
      </div>
      {save.isError && (
        <ErrorPanel
          title={editing ? 'Could not save your preferences.' : 'Could not save your answers.'}
          error={
            serverIssues.other.length > 0
              ? new Error(serverIssues.other.join(' '))
              : Object.keys(serverIssues.fields).length > 0
                ? new Error('Check the marked field.')
                : save.error
          }
        />
      )}
      <div className="learn-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save preferences' : 'Save and take the placement test'}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
