import {
  chroma,
  keySignatureFifths,
  midiOf,
  spellMidi,
  type Key,
  type Pitch,
  type PitchClass,
} from '@cadenza/core';

/**
 * The pitch class placed at the MIDI number nearest `target` (ties go up), keeping its spelling: a
 * chord's F♯ stays F♯ whatever octave it lands in.
 */
export function nearestPitch(pc: PitchClass, target: number): Pitch {
  const base = midiOf({ ...pc, octave: 4 });
  const octaves = Math.round((target - base) / 12);
  return { ...pc, octave: 4 + octaves };
}

/** A pitch class placed in the octave whose MIDI number is at or above `floor` (spelling kept). */
export function pitchAtOrAbove(pc: PitchClass, floor: number): Pitch {
  const base = midiOf({ ...pc, octave: 0 });
  return { ...pc, octave: Math.ceil((floor - base) / 12) };
}

/** A MIDI number spelled as the key would (for passing tones that belong to no chord). */
export function spellInKey(midi: number, key: Key): Pitch {
  return spellMidi(midi, keySignatureFifths(key), key.mode === 'minor' || key.mode === 'aeolian');
}

/**
 * A close voicing of `tones` (bottom to top in the order given after rotation) whose top note lies as
 * near as possible to `topTarget`, inside [low, high]. Used to keep right-hand chords moving smoothly:
 * pass the previous chord's top note as the target.
 */
export function closeVoicing(
  tones: readonly PitchClass[],
  topTarget: number,
  range: readonly [number, number],
): Pitch[] {
  let best: Pitch[] = [];
  let bestCost = Infinity;
  for (let rotation = 0; rotation < tones.length; rotation++) {
    const order = [...tones.slice(rotation), ...tones.slice(0, rotation)];
    for (const start of [topTarget - 24, topTarget - 12, topTarget]) {
      const voiced: Pitch[] = [];
      let floor = start - 12;
      for (const pc of order) {
        const p = pitchAtOrAbove(pc, floor + 1);
        voiced.push(p);
        floor = midiOf(p);
      }
      const midis = voiced.map(midiOf);
      const low = Math.min(...midis);
      const top = Math.max(...midis);
      if (low < range[0] || top > range[1]) continue;
      const cost = Math.abs(top - topTarget);
      if (cost < bestCost) {
        bestCost = cost;
        best = voiced;
      }
    }
  }
  if (best.length === 0)
    throw new RangeError(`cannot voice ${tones.length} tones inside ${range[0]}–${range[1]}`);
  return best;
}

/** Sum of semitone moves from one voicing to the next, voice by voice in sorted order (smaller = smoother). */
export function voiceLeadingDistance(from: readonly Pitch[], to: readonly Pitch[]): number {
  const a = from.map(midiOf).sort((x, y) => x - y);
  const b = to.map(midiOf).sort((x, y) => x - y);
  let total = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    total += Math.abs((a[Math.min(i, a.length - 1)] ?? 0) - (b[Math.min(i, b.length - 1)] ?? 0));
  }
  return total;
}

/** Whether two pitch classes sound the same. */
export const sameChroma = (a: PitchClass, b: PitchClass): boolean => chroma(a) === chroma(b);
