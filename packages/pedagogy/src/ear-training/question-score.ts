import {
  bpm,
  createScore,
  ZERO,
  type Key,
  type Note,
  type Pitch,
  type Rational,
  type Score,
  type TimeSignature,
} from '@cadenza/core';

/** A note of the played question, on the one staff. */
export const playedNote = (pitch: Pitch, position: Rational, duration: Rational, velocity = 84): Note => ({
  pitch,
  position,
  duration,
  staff: 1,
  voice: 1,
  velocity,
});

/** The one-part piano score a question plays. */
export function questionScore(options: {
  readonly title: string;
  readonly tempo: number;
  readonly notes: readonly Note[];
  readonly timeSignature?: TimeSignature;
  readonly key?: Key;
  readonly clef?: 'treble' | 'bass';
}): Score {
  const lowest = Math.min(...options.notes.map((n) => n.pitch.octave));
  return createScore({
    metadata: { title: options.title, source: 'cadenza ear training' },
    parts: [
      {
        id: 'P1',
        name: 'Piano',
        staves: 1,
        clefs: [options.clef ?? (lowest < 3 ? 'bass' : 'treble')],
        notes: options.notes,
      },
    ],
    meters: [{ position: ZERO, timeSignature: options.timeSignature ?? { beats: 4, beatType: 4 } }],
    ...(options.key ? { keys: [{ position: ZERO, key: options.key }] } : {}),
    tempos: [{ position: ZERO, bpm: bpm(options.tempo) }],
  });
}
