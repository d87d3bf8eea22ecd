import type { AudioExportFormat } from '@cadenza/contracts';
import { useId } from 'react';
import { ChoiceGroup } from './choice-group.js';
import {
  AUDIO_FORMATS,
  AUDIO_QUALITIES,
  defaultQuality,
  FLAC_NOTE,
  SAMPLE_RATES,
  type AudioChoice,
} from './export-options.js';

/** Format, quality preset, sample rate and reverb of an audio export. */
export function AudioOptions({
  value,
  onChange,
}: {
  readonly value: AudioChoice;
  readonly onChange: (value: AudioChoice) => void;
}) {
  const rateId = useId();
  const setFormat = (format: AudioExportFormat) =>
    onChange({ ...value, format, quality: defaultQuality(format) });
  return (
    <div className="export-options">
      <ChoiceGroup legend="Format" choices={AUDIO_FORMATS} value={value.format} onChange={setFormat} />
      <ChoiceGroup
        legend="Quality"
        choices={AUDIO_QUALITIES[value.format]}
        value={value.quality}
        onChange={(quality) => onChange({ ...value, quality })}
      />
      {value.format === 'flac' && <p className="muted export-note">{FLAC_NOTE}</p>}
      <div className="export-row">
        <label htmlFor={rateId}>Sample rate</label>
        <select
          id={rateId}
          value={String(value.sampleRate)}
          onChange={(event) =>
            onChange({ ...value, sampleRate: event.target.value === '48000' ? 48000 : 44100 })
          }
        >
          {SAMPLE_RATES.map((rate) => (
            <option key={rate.value} value={rate.value}>
              {rate.label} ({rate.hint})
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={value.reverb}
            onChange={(event) => onChange({ ...value, reverb: event.target.checked })}
          />
          Room reverb
        </label>
      </div>
    </div>
  );
}
