import { midiOf, pitchClassName, placeAtOrAbove, type Pitch, type PitchClass } from '../pitch/pitch.js';
import { createScore, type Note, type Score } from '../score/score.js';
import { chordNotesFromBass, type Chord } from '../theory/chord.js';
import type { Key } from '../theory/key.js';
import { scaleNotes, type ScaleType } from '../theory/scales.js';
import { rat } from '../time/rational.js';

/** Stacks pitch classes upward from a starting MIDI floor, each above the last (close position). */
export function stackUpward(pcs: readonly PitchClass[], floorMidi: number): Pitch[] {
  const out: Pitch[] = [];
  let floor = floorMidi;
  for (const pc of pcs) {
    const p = placeAtOrAbove(pc, floor);
    out.push(p);
    floor = midiOf(p) + 1;
  }
  return out;
}

const note = (pitch: Pitch, position: number, duration: number, staff = 1): Note => ({
  pitch,
  position: rat(position),
  duration: rat(duration),
  staff,
  voice: 1,
});

/** Splits a voicing across a grand staff: notes below middle C go to the left hand. */
function grandStaffChord(pitches: readonly Pitch[], position: number, duration: number): Note[] {
  return pitches.map((p) => note(p, position, duration, midiOf(p) < 60 ? 2 : 1));
}

/** One chord as a whole note on a grand staff, bass from around C3, with its symbol above. */
export function chordScore(chord: Chord): Score {
  return createScore({
    metadata: { title: chord.symbol },
    chordSymbols: [{ position: rat(0), symbol: chord.symbol }],
    parts: [
      { name: 'Piano', staves: 2, notes: grandStaffChord(stackUpward(chordNotesFromBass(chord), 48), 0, 4) },
    ],
  });
}

/** A scale ascending one octave (and the top tonic) in quarter notes from octave 4. */
export function scaleScore(tonic: PitchClass, scale: ScaleType, key?: Key): Score {
  const pitches = stackUpward([...scaleNotes(tonic, scale), tonic], 60);
  const notes = pitches.map((p, i) => note(p, i, 1));
  const end = Math.ceil(notes.length / 4) * 4;
  return createScore({
    metadata: { title: `${pitchClassName(tonic, true)} ${scale.name}` },
    ...(key ? { keys: [{ position: rat(0), key }] } : {}),
    end: rat(end),
    parts: [{ name: 'Piano', notes }],
  });
}

/** A progression, one chord per measure (whole notes), with chord symbols and the key signature. */
export function progressionScore(chords: readonly Chord[], key: Key): Score {
  return createScore({
    metadata: { title: chords.map((c) => c.symbol).join(' ') },
    keys: [{ position: rat(0), key }],
    chordSymbols: chords.map((c, i) => ({ position: rat(4 * i), symbol: c.symbol })),
    parts: [
      {
        name: 'Piano',
        staves: 2,
        notes: chords.flatMap((c, i) => grandStaffChord(stackUpward(chordNotesFromBass(c), 48), 4 * i, 4)),
      },
    ],
  });
}
