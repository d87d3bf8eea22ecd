import { useId, useState, type DragEvent, type FormEvent } from 'react';
import type { TranscribeInstrument, TranscribeMode, TranscribeOptions } from '../../api/transcribe.js';
import { FormField } from '../generate/form-field.js';
import { baseName, sizeText } from './facts.js';
import { RecorderPanel } from './recorder-panel.js';
import type { RecorderState } from './recorder-state.js';

/** The recording to transcribe: a file picked or dropped, or one made with the microphone. */
export interface RecordingSource {
  readonly blob: Blob;
  readonly fileName: string;
  readonly origin: 'file' | 'microphone';
}

/** What the file picker offers (the server reads the bytes, whatever the name says). */
export const ACCEPTED_AUDIO = 'audio/*,.wav,.mp3,.flac,.ogg,.oga,.opus,.m4a,.aac,.webm';

export const INSTRUMENTS: readonly { value: TranscribeInstrument; label: string }[] = [
  { value: 'voice', label: 'Voice' },
  { value: 'piano', label: 'Piano' },
  { value: 'guitar', label: 'Guitar' },
  { value: 'strings', label: 'Strings (violin, cello…)' },
  { value: 'winds', label: 'Winds (flute, sax…)' },
];

const MODES: readonly { value: TranscribeMode; label: string; hint: string }[] = [
  { value: 'auto', label: 'Automatic', hint: 'A melody or chords: picks the path from the recording.' },
  { value: 'mono', label: 'Melody', hint: 'One note at a time: voice, winds, a tune.' },
  { value: 'poly', label: 'Chords and parts', hint: 'Piano, guitar, several voices (slower).' },
];

/**
 * The request: a recording (upload, drop or microphone), the instrument, the mode and a title. Picking
 * a file waits for "Transcribe"; stopping a microphone recording uploads it at once.
 */
export function TranscribeFormView({
  source,
  onSource,
  options,
  onOptions,
  recorder,
  onRecordStart,
  onRecordStop,
  busy,
  onSubmit,
}: {
  readonly source: RecordingSource | undefined;
  readonly onSource: (source: RecordingSource) => void;
  readonly options: TranscribeOptions;
  readonly onOptions: (changes: Partial<TranscribeOptions>) => void;
  readonly recorder: RecorderState;
  readonly onRecordStart: () => void;
  readonly onRecordStop: () => void;
  readonly busy: boolean;
  readonly onSubmit: () => void;
}) {
  const inputId = useId();
  const modeName = useId();
  const [dragging, setDragging] = useState(false);
  const take = (file: File | undefined) => {
    if (file) onSource({ blob: file, fileName: file.name, origin: 'file' });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) take(event.dataTransfer.files[0]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && source) onSubmit();
  };

  return (
    <form className="panel transcribe-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="transcribe-sources">
        <div
          className={dragging ? 'dropzone dropzone--over' : 'dropzone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <label htmlFor={inputId} className="dropzone__label">
            <span className="dropzone__icon" aria-hidden="true">
              ♫
            </span>
            <strong>Choose a recording</strong> or drop it here
          </label>
          <input
            id={inputId}
            className="dropzone__input"
            type="file"
            accept={ACCEPTED_AUDIO}
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              take(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <p id={`${inputId}-hint`} className="muted dropzone__hint">
            WAV, MP3, FLAC, Ogg, M4A or WebM, up to 10 minutes.
          </p>
          {source && (
            <p className="dropzone__chosen" data-testid="chosen-recording">
              {source.origin === 'microphone' ? 'Recorded: ' : 'Chosen: '}
              <strong>{source.fileName}</strong> · {sizeText(source.blob.size)}
            </p>
          )}
        </div>
        <RecorderPanel state={recorder} busy={busy} onStart={onRecordStart} onStop={onRecordStop} />
      </div>

      <div className="form-grid">
        <FormField label="Instrument" hint="Narrows the range of pitches listened for.">
          {(control) => (
            <select
              {...control}
              value={options.instrument}
              onChange={(event) => onOptions({ instrument: event.target.value as TranscribeInstrument })}
            >
              {INSTRUMENTS.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Title" hint="Optional: the score is named after the file otherwise.">
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={120}
              value={options.title}
              placeholder={source ? baseName(source.fileName) : 'My melody'}
              onChange={(event) => onOptions({ title: event.target.value })}
            />
          )}
        </FormField>
      </div>

      <fieldset className="choice-group choice-group--compact transcribe-modes">
        <legend>Mode</legend>
        <div className="choice-group__options">
          {MODES.map((mode) => (
            <label key={mode.value} className="choice">
              <input
                type="radio"
                name={modeName}
                value={mode.value}
                checked={options.mode === mode.value}
                onChange={() => onOptions({ mode: mode.value })}
              />
              <span className="choice__text">
                <span className="choice__label">{mode.label}</span>{' '}
                <span className="choice__hint">{mode.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="generate-submit">
        <button type="submit" disabled={busy || !source}>
          {busy && <span className="spinner spinner--inline" aria-hidden="true" />}
          {busy ? 'Transcribing…' : 'Transcribe'}
        </button>
        {!source && !busy && (
          <span className="muted transcribe-submit-note">Choose or record a recording first.</span>
        )}
      </div>
    </form>
  );
}
