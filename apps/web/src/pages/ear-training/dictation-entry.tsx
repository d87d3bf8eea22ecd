import { useState } from 'react';
import type { EarTrainingQuestionType } from '../../api/ear-training.js';
import {
  ACCIDENTALS,
  enteredWords,
  barStarts,
  expectedLength,
  LETTERS,
  lengthName,
  NOTE_LENGTHS,
  OCTAVES,
  pitchLabel,
  totalLength,
  type EnteredNote,
  type PitchChoice,
} from './note-entry.js';

export interface DictationEntryProps {
  readonly type: EarTrainingQuestionType;
  /** What the question gives: key, time signature, bars, first note. */
  readonly given: readonly string[];
  readonly startPitch: PitchChoice;
  readonly notes: readonly EnteredNote[];
  readonly onChange: (notes: readonly EnteredNote[]) => void;
  readonly onSubmit: () => void;
  /** Answered or being checked: nothing more can be written. */
  readonly locked: boolean;
  /** Answered: the note buttons make way for the grading. */
  readonly answered: boolean;
  readonly busy: boolean;
}

/**
 * Writing a dictation down with buttons: for a melody pick the pitch (letter, accidental, octave), then
 * a length button adds the note; for a rhythm each length button adds a note, or a rest with "Rest" on.
 */
export function DictationEntry(props: DictationEntryProps) {
  const { type, given, startPitch, notes, onChange, onSubmit, locked, answered, busy } = props;
  const melodic = type === 'melodic_dictation';
  const [pitch, setPitch] = useState<PitchChoice>(startPitch);
  const [rest, setRest] = useState(false);
  const written = totalLength(notes);
  const expected = expectedLength(given);
  const bars = barStarts(notes, given);

  const add = (duration: string) =>
    onChange([
      ...notes,
      rest ? { duration, rest: true } : { ...(melodic ? { pitch } : {}), duration, rest: false },
    ]);

  return (
    <div className="ear-dictation">
      {melodic && !answered && (
        <fieldset className="ear-pitch" disabled={locked}>
          <legend>Pitch: {pitchLabel(pitch)}</legend>
          <div className="ear-pitch__row">
            <span className="ear-pitch__label" aria-hidden="true">
              Note
            </span>
            <div className="ear-buttons" role="group" aria-label="Note name">
              {LETTERS.map((letter) => (
                <button
                  key={letter}
                  type="button"
                  className="ear-toggle"
                  aria-pressed={pitch.letter === letter}
                  onClick={() => setPitch({ ...pitch, letter })}
                >
                  {letter}
                </button>
              ))}
            </div>
          </div>
          <div className="ear-pitch__row">
            <span className="ear-pitch__label" aria-hidden="true">
              Accidental
            </span>
            <div className="ear-buttons" role="group" aria-label="Accidental">
              {ACCIDENTALS.map((accidental) => (
                <button
                  key={accidental.name}
                  type="button"
                  className="ear-toggle ear-toggle--sign"
                  aria-pressed={pitch.accidental === accidental.id}
                  aria-label={accidental.name}
                  onClick={() => setPitch({ ...pitch, accidental: accidental.id })}
                >
                  {accidental.sign}
                </button>
              ))}
            </div>
          </div>
          <div className="ear-pitch__row">
            <span className="ear-pitch__label" aria-hidden="true">
              Octave
            </span>
            <div className="ear-buttons" role="group" aria-label="Octave">
              {OCTAVES.map((octave) => (
                <button
                  key={octave}
                  type="button"
                  className="ear-toggle"
                  aria-pressed={pitch.octave === octave}
                  aria-label={`octave ${octave}`}
                  onClick={() => setPitch({ ...pitch, octave })}
                >
                  {octave}
                </button>
              ))}
            </div>
          </div>
        </fieldset>
      )}
      {!answered && (
        <fieldset className="ear-lengths" disabled={locked}>
          <legend>{melodic ? `Add ${pitchLabel(pitch)} as a…` : rest ? 'Add a rest:' : 'Add a note:'}</legend>
          <div className="ear-buttons" role="group" aria-label="Add a note">
            {NOTE_LENGTHS.map((length) => (
              <button
                key={length.duration}
                type="button"
                className="button-secondary"
                title={`${lengthName(length.duration)}: ${length.duration} of a quarter note`}
                onClick={() => add(length.duration)}
              >
                {length.label}
              </button>
            ))}
          </div>
          {!melodic && (
            <label className="checkbox ear-rest">
              <input
                type="checkbox"
                checked={rest}
                onChange={(event) => setRest(event.currentTarget.checked)}
              />
              Rest (the next lengths are rests)
            </label>
          )}
        </fieldset>
      )}
      <div className="ear-written">
        <h3 id="ear-written-heading">Your answer</h3>
        {notes.length === 0 ? (
          <p className="muted">
            Nothing written yet: {melodic ? 'pick a pitch, then a length.' : 'press a length.'}
          </p>
        ) : (
          <ol className="ear-notes" aria-labelledby="ear-written-heading">
            {notes.map((note, index) => (
              <li
                key={index}
                className={['ear-note', note.rest && 'is-rest', bars.has(index) && 'starts-bar']
                  .filter(Boolean)
                  .join(' ')}
              >
                {enteredWords(note)}
              </li>
            ))}
          </ol>
        )}
        <p className="muted ear-length-count">
          Written: {written} {expected ? `of ${expected} ` : ''}quarter note{written === '1' ? '' : 's'}.
        </p>
        {!answered && (
          <div className="ear-buttons">
            <button
              type="button"
              className="button-secondary"
              disabled={locked || notes.length === 0}
              onClick={() => onChange(notes.slice(0, -1))}
            >
              Undo last
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={locked || notes.length === 0}
              onClick={() => onChange([])}
            >
              Clear
            </button>
            <button type="button" disabled={locked || busy || notes.length === 0} onClick={onSubmit}>
              {busy ? 'Checking…' : 'Check answer'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
