import { useState, type FormEvent } from 'react';
import type { GenerateGenre } from '../../api/generate.js';
import { ChoiceGroup } from '../../components/export/choice-group.js';
import type { FieldErrors, GenerateForm } from './form-model.js';
import { FormField } from './form-field.js';
import { APPLICATIONS, applicationLabel, GENRE_INFO, GENRES, patternLabel, SWUNG_GENRES } from './genres.js';

const GENRE_CHOICES = GENRES.map((genre) => ({
  value: genre,
  label: GENRE_INFO[genre].label,
  hint: GENRE_INFO[genre].blurb,
}));

const TIME_SIGNATURES = ['4/4', '3/4', '2/4', '6/8', '12/8', '5/4'];

/**
 * The request: genre, description (or the musician's own chord chart) and the options that override
 * what the description says. Empty options are left to the server, which says what it chose.
 */
export function GenerateFormView({
  form,
  onChange,
  errors,
  busy,
  onSubmit,
}: {
  readonly form: GenerateForm;
  readonly onChange: (changes: Partial<GenerateForm>) => void;
  readonly errors: FieldErrors;
  readonly busy: boolean;
  readonly onSubmit: () => void;
}) {
  const info = GENRE_INFO[form.genre];
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  // A genre's patterns and applications are its own: switching genre forgets the others' choices.
  const pickGenre = (genre: GenerateGenre) =>
    onChange({ genre, application: '', leftHand: '', rightHand: '', swing: '' });

  return (
    <form className="panel generate-form" onSubmit={submit} noValidate aria-busy={busy}>
      <ChoiceGroup legend="Genre" choices={GENRE_CHOICES} value={form.genre} onChange={pickGenre} />

      <FormField
        label="Description"
        error={errors.description}
        hint={form.useChart ? 'Optional with a chord chart: mood and style words still count.' : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={form.description}
            onChange={(event) => onChange({ description: event.target.value })}
            placeholder={info.examples[0]}
          />
        )}
      </FormField>
      <div className="example-chips" role="group" aria-label={`${info.label} examples`}>
        <span className="muted">Try:</span>
        {info.examples.map((example) => (
          <button
            key={example}
            type="button"
            className="chip"
            onClick={() => onChange({ description: example })}
          >
            {example}
          </button>
        ))}
      </div>

      <p className="muted generate-options-note">
        Options left on <em>auto</em> are read from your description, or take the genre’s default.
      </p>
      <div className="form-grid">
        <FormField label="Key" error={errors.key} hint="e.g. Bb, F# minor">
          {(control) => (
            <input
              {...control}
              value={form.key}
              onChange={(event) => onChange({ key: event.target.value })}
              placeholder="auto"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField label="Tempo (bpm)" error={errors.tempo}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              value={form.tempo}
              onChange={(event) => onChange({ tempo: event.target.value })}
              placeholder="auto"
            />
          )}
        </FormField>
        <FormField label="Bars" error={errors.num_bars}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              value={form.bars}
              onChange={(event) => onChange({ bars: event.target.value })}
              placeholder={String(info.defaultBars)}
            />
          )}
        </FormField>
        <FormField label="Application" error={errors.application}>
          {(control) => (
            <select
              {...control}
              value={form.application}
              onChange={(event) => onChange({ application: event.target.value })}
            >
              <option value="">Auto ({APPLICATIONS[form.genre][0]})</option>
              {APPLICATIONS[form.genre].map((application) => (
                <option key={application} value={application}>
                  {applicationLabel(application)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Time signature" error={errors.time_signature}>
          {(control) => (
            <select
              {...control}
              value={form.timeSignature}
              onChange={(event) => onChange({ timeSignature: event.target.value })}
            >
              <option value="">Auto (4/4)</option>
              {TIME_SIGNATURES.map((meter) => (
                <option key={meter} value={meter}>
                  {meter}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Seed" error={errors.seed} hint="Same request + seed = same music">
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              value={form.seed}
              onChange={(event) => onChange({ seed: event.target.value })}
              placeholder="random"
            />
          )}
        </FormField>
      </div>

      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.useChart}
          onChange={(event) => onChange({ useChart: event.target.checked })}
        />
        Use my own chord chart
      </label>
      {form.useChart && (
        <FormField
          label="Chord chart"
          error={errors.chord_chart}
          hint={
            <>
              Bars between bar lines, chords separated by spaces: <code>| Cmaj7 | Am7 | Dm7 G7 |</code>
            </>
          }
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={form.chordChart}
              onChange={(event) => onChange({ chordChart: event.target.value })}
              placeholder="| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |"
              spellCheck={false}
            />
          )}
        </FormField>
      )}

      <details
        className="generate-advanced"
        open={advancedOpen || advancedRefused(errors)}
        onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}
      >
        <summary>Advanced: hands, swing and title</summary>
        <div className="form-grid">
          <FormField label="Left hand" error={errors.left_hand}>
            {(control) => (
              <select
                {...control}
                value={form.leftHand}
                onChange={(event) => onChange({ leftHand: event.target.value })}
              >
                <option value="">Auto</option>
                {info.leftHands.map((pattern) => (
                  <option key={pattern} value={pattern}>
                    {patternLabel(pattern)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Right hand" error={errors.right_hand}>
            {(control) => (
              <select
                {...control}
                value={form.rightHand}
                onChange={(event) => onChange({ rightHand: event.target.value })}
              >
                <option value="">Auto</option>
                {info.rightHands.map((pattern) => (
                  <option key={pattern} value={pattern}>
                    {patternLabel(pattern)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {SWUNG_GENRES.includes(form.genre) && (
            <FormField
              label="Swing ratio"
              error={errors.swing_ratio}
              hint="1 straight … 3; 2 is triplet swing"
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="decimal"
                  step={0.1}
                  value={form.swing}
                  onChange={(event) => onChange({ swing: event.target.value })}
                  placeholder="auto"
                />
              )}
            </FormField>
          )}
          <FormField label="Title" error={errors.title}>
            {(control) => (
              <input
                {...control}
                value={form.title}
                onChange={(event) => onChange({ title: event.target.value })}
                placeholder="on the score and in your library"
              />
            )}
          </FormField>
        </div>
      </details>

      <div className="generate-submit">
        <button type="submit" disabled={busy}>
          {busy ? (
            <>
              <span className="spinner spinner--inline" aria-hidden="true" /> Generating…
            </>
          ) : (
            'Generate'
          )}
        </button>
      </div>
    </form>
  );
}

/** The advanced options open by themselves when the server refused one of them. */
function advancedRefused(errors: FieldErrors): boolean {
  return Boolean(errors.left_hand ?? errors.right_hand ?? errors.swing_ratio ?? errors.title);
}
