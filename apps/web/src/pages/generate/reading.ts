import type { GenerationMetadata, RequestReadingReport } from '../../api/generate.js';

type Choice = RequestReadingReport['key'] | RequestReadingReport['tempo'];

/** Where one setting came from, in words: from “in Bb”, from your field, the genre's default. */
function source(choice: Pick<Choice, 'from' | 'words'>): string {
  switch (choice.from) {
    case 'field':
      return 'as you set it';
    case 'description':
      return choice.words ? `from “${choice.words}”` : 'from your description';
    case 'chart':
      return 'from your chord chart';
    case 'default':
      return 'default';
  }
}

/**
 * "How we read your description", one phrase per setting: `key Bb major (from “in Bb”)`,
 * `tempo 80 bpm (from “180 bpm”; 180 is outside the ballad range, so 80)`, then moods and styles heard.
 */
export function describeReading(reading: RequestReadingReport): string[] {
  const { key, tempo, bars, application, timeSignature } = reading;
  const tempoNote =
    tempo.adjustedFrom !== undefined
      ? `; ${tempo.adjustedFrom} bpm is outside the ${application.value} range, so ${tempo.value}`
      : '';
  const phrases = [
    `key ${key.value} (${source(key)})`,
    `tempo ${tempo.value} bpm (${source(tempo)}${tempoNote})`,
    `${bars.value} ${bars.value === 1 ? 'bar' : 'bars'} (${source(bars)})`,
    `application ${application.value} (${source(application)})`,
    `time ${timeSignature.value} (${source(timeSignature)})`,
  ];
  if (reading.moods.length > 0) {
    phrases.push(`mood ${reading.moods.map((mood) => `${mood.value} (“${mood.words}”)`).join(', ')}`);
  }
  if (reading.styles.length > 0) {
    phrases.push(`style ${reading.styles.map((style) => `${style.value} (“${style.words}”)`).join(', ')}`);
  }
  return phrases;
}

/** The arrangement's facts as label/value pairs for a description list. */
export function metadataRows(
  metadata: GenerationMetadata,
  seed: number,
): readonly (readonly [string, string])[] {
  return [
    ['Key', metadata.key],
    ['Tempo', `${metadata.tempo} bpm`],
    ['Meter', metadata.time_signature],
    ['Bars', String(metadata.num_bars)],
    ['Application', metadata.application],
    ['Feel', metadata.feel],
    ['Left hand', metadata.left_hand],
    ['Right hand', metadata.right_hand],
    ['Notes', String(metadata.note_count)],
    ['Seed', String(seed)],
    ['Method', metadata.generation_method],
  ];
}
