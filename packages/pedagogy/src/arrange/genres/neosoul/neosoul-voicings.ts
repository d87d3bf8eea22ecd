import { chroma, midiOf, type Chord, type Pitch, type PitchClass } from '@cadenza/core';
import { toneAt } from '../../hand-notes.js';
import { MAX_HAND_SPAN } from '../../piano-limits.js';
import { closeVoicing, pitchAtOrAbove } from '../../voicing.js';

const distinct = (pcs: readonly (PitchClass | undefined)[]): PitchClass[] =>
  pcs.filter(
    (pc, i, all): pc is PitchClass =>
      pc !== undefined && all.findIndex((x) => x !== undefined && chroma(x) === chroma(pc)) === i,
  );

/** The 3rd, else the suspended 4th (or 2nd). */
export const thirdOrSus = (c: Chord): PitchClass | undefined => toneAt(c, 4, 3, 5, 2);
/** The 7th, else the 6th (6/9 chords). */
export const seventhOrSixth = (c: Chord): PitchClass | undefined => toneAt(c, 10, 11, 9);
/** The colour above the 7th: 9th (♭9, ♯9), else 11th / ♯11, else 13th. */
export const colourOf = (c: Chord): PitchClass | undefined => toneAt(c, 2, 3, 1, 5, 6, 9);

/**
 * The rootless upper structure a neo-soul keyboardist plays: 3rd (or sus 4th), 7th, 9th and one more
 * colour (11th on minor chords, ♯11, 13th on dominants), the 5th only when nothing richer is there.
 * Three or four tones, never the root (the bass has it).
 */
export function upperStructure(chord: Chord): PitchClass[] {
  const third = thirdOrSus(chord);
  const seventh = seventhOrSixth(chord);
  const ninth = toneAt(chord, 2, 3, 1);
  const minor = toneAt(chord, 3) !== undefined && toneAt(chord, 4) === undefined;
  const extra = minor ? toneAt(chord, 5, 7) : toneAt(chord, 9, 6, 7);
  const tones = distinct([third, seventh, ninth, extra]).filter((pc) => chroma(pc) !== chroma(chord.root));
  if (tones.length >= 3) return tones.slice(0, 4);
  return distinct([...tones, toneAt(chord, 7), toneAt(chord, 9), chord.root]).slice(0, 4);
}

/** Right-hand voicing of the upper structure, its top note near `lastTop` (the smoothest move). */
export function rightHandVoicing(chord: Chord, lastTop: number, range: readonly [number, number]): Pitch[] {
  // Close position: the tones in pitch order, each rotation putting another one at the bottom.
  const tones = [...upperStructure(chord)].sort((a, b) => chroma(a) - chroma(b));
  let best: Pitch[] | undefined;
  let bestCost = Infinity;
  for (let rotation = 0; rotation < tones.length; rotation++) {
    const order = [...tones.slice(rotation), ...tones.slice(0, rotation)];
    for (let bottom = range[0]; bottom < range[0] + 12; bottom++) {
      const first = order[0];
      if (!first || midiOf(pitchAtOrAbove(first, bottom)) !== bottom) continue;
      const stack: Pitch[] = [];
      let floor = bottom - 1;
      for (const pc of order) {
        const p = pitchAtOrAbove(pc, floor + 1);
        stack.push(p);
        floor = midiOf(p);
      }
      for (const shift of [0, 12, 24]) {
        const voicing = stack.map((p) => ({ ...p, octave: p.octave + shift / 12 }));
        const midis = voicing.map(midiOf);
        const low = Math.min(...midis);
        const top = Math.max(...midis);
        if (low < range[0] || top > range[1] || top - low > MAX_HAND_SPAN - 2) continue;
        const cost = Math.abs(top - lastTop) + (top - low) / 24;
        if (cost < bestCost) {
          bestCost = cost;
          best = voicing;
        }
      }
    }
  }
  return best ?? closeVoicing(tones.slice(0, 3), lastTop, range);
}

/**
 * The left hand's spread voicing: the bass (root, or a slash chord's bass) in the second octave, the 7th
 * (or 6th) above it and the 3rd a tenth up — or the 9th or 5th when a tenth would be too wide.
 */
export function spreadVoicing(chord: Chord, floor: number): Pitch[] {
  const root = pitchAtOrAbove(chord.bass, floor);
  const seventh = seventhOrSixth(chord) ?? toneAt(chord, 7);
  const middle = seventh ? pitchAtOrAbove(seventh, midiOf(root) + 1) : undefined;
  const base = middle ? [root, middle] : [root];
  const top = midiOf(base[base.length - 1] ?? root);
  for (const pc of distinct([thirdOrSus(chord), toneAt(chord, 2), toneAt(chord, 7)])) {
    const p = pitchAtOrAbove(pc, top + 1);
    if (midiOf(p) - midiOf(root) <= MAX_HAND_SPAN) return [...base, p];
  }
  return base;
}
