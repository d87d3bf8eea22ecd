import { add, chroma, midiOf, rat, type Chord, type Note, type Pitch, type PitchClass } from '@cadenza/core';
import type { HandPattern, PatternContext } from '../../arrangement-types.js';
import { nearestPitch, pitchAtOrAbove, spellInKey } from '../../voicing.js';
import { beatsOf, eighthsIn, fifthOf, handNote, seventhOf, thirdOf } from './hand-tools.js';

/** Alberti's low note starts looking at F2. */
const ALBERTI_FLOOR = 41;
/** The walking bass stays between A1 and E3. */
const WALK_RANGE: readonly [number, number] = [33, 52];

/** Low (the bass), middle and high of an Alberti figure: the next two chord tones above the bass. */
export function albertiPitches(chord: Chord): { low: Pitch; middle: Pitch; high: Pitch } {
  const low = pitchAtOrAbove(chord.bass, ALBERTI_FLOOR);
  const candidates = [thirdOf(chord), fifthOf(chord), chord.root, seventhOf(chord)].filter(
    (pc): pc is PitchClass => pc !== undefined && chroma(pc) !== chroma(chord.bass),
  );
  const unique = candidates.filter((pc, i) => candidates.findIndex((c) => chroma(c) === chroma(pc)) === i);
  const [first = chord.root, second = chord.root] = unique;
  const a = pitchAtOrAbove(first, midiOf(low) + 1);
  const b = pitchAtOrAbove(second, midiOf(low) + 1);
  const [middle, high] = midiOf(a) < midiOf(b) ? [a, b] : [b, a];
  return { low, middle, high };
}

/**
 * Alberti Bass: eighth notes low–high–middle–high, the figure restarting with each chord; a dotted
 * quarter beat (6/8, 12/8) rolls low–high–middle in triplet eighths.
 */
export const albertiBass: HandPattern = {
  id: 'alberti-bass',
  name: 'Alberti Bass',
  hand: 'left',
  render({ request, progression }: PatternContext): Note[] {
    const notes: Note[] = [];
    const half = rat(1, 2);
    let phase = 0;
    for (const beat of beatsOf(request, progression)) {
      phase = beat.chordStarts ? 0 : phase + 1;
      const { low, middle, high } = albertiPitches(beat.chord.chord);
      const first = phase % 2 === 0 || eighthsIn(beat) === 3 ? low : middle;
      if (beat.length.n < beat.length.d) {
        notes.push(handNote(first, beat.position, beat.length, 'left', 82));
        continue;
      }
      notes.push(handNote(first, beat.position, half, 'left', phase % 2 === 0 ? 84 : 72));
      notes.push(handNote(high, add(beat.position, half), half, 'left', 70));
      if (eighthsIn(beat) === 3) notes.push(handNote(middle, add(beat.position, rat(1)), half, 'left', 68));
    }
    return notes;
  },
};

/** The pitch class placed nearest `target` but inside the walking range. */
function walkPitch(pc: PitchClass, target: number): Pitch {
  let p = nearestPitch(pc, target);
  while (midiOf(p) < WALK_RANGE[0]) p = { ...p, octave: p.octave + 1 };
  while (midiOf(p) > WALK_RANGE[1]) p = { ...p, octave: p.octave - 1 };
  return p;
}

/**
 * Walking Bass: one note a beat (quarters; dotted quarters in 6/8 and 12/8); the chord's bass on the beat it arrives, chord tones while it lasts,
 * and on the beat before a change (not a bar's first beat, which stays a chord tone) a chromatic (half-step) or diatonic (whole-step) approach to the
 * next chord's bass.
 */
export const walkingBass: HandPattern = {
  id: 'walking-bass',
  name: 'Walking Bass',
  hand: 'left',
  render({ request, progression, rng }: PatternContext): Note[] {
    const beats = beatsOf(request, progression);
    const notes: Note[] = [];
    let previous = 40;
    beats.forEach((beat, i) => {
      const chord = beat.chord.chord;
      const next = beats[i + 1];
      let pitch: Pitch;
      if (beat.chordStarts || i === beats.length - 1) {
        pitch = walkPitch(beat.chordStarts ? chord.bass : chord.root, previous);
      } else if (next?.chordStarts && beat.index !== 0) {
        const target = midiOf(walkPitch(next.chord.chord.bass, previous));
        const step = rng.chance(0.65) ? 1 : 2;
        // From the side the line comes from, unless that repeats the last note or leaves the range.
        const below = target - step;
        const above = target + step;
        const preferBelow = previous <= target;
        const usable = (m: number) => m >= WALK_RANGE[0] && m <= WALK_RANGE[1] && m !== previous;
        const midi = preferBelow ? (usable(below) ? below : above) : usable(above) ? above : below;
        pitch = spellInKey(midi, request.key);
      } else {
        const tones = [thirdOf(chord), fifthOf(chord), seventhOf(chord), chord.root].filter(
          (pc): pc is PitchClass => pc !== undefined,
        );
        const options = tones.map((pc) => walkPitch(pc, previous)).filter((p) => midiOf(p) !== previous);
        pitch = options.length > 0 ? rng.pick(options) : walkPitch(chord.root, previous);
      }
      previous = midiOf(pitch);
      notes.push(handNote(pitch, beat.position, beat.length, 'left', beat.index === 0 ? 86 : 78));
    });
    return notes;
  },
};
