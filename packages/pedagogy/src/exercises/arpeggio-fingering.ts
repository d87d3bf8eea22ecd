import { chroma, midiOf, type Pitch, type PitchClass } from '@cadenza/core';
import type { Finger, Hand } from './exercise-types.js';
import { isBlackKey } from './scale-fingering.js';

/**
 * Arpeggio fingering by the rules the standard tables follow (ABRSM): the thumb takes the first white
 * key of the chord in the order played (every group of chord tones starts on the thumb in the right
 * hand and ends on it in the left; an all-black chord puts it on the first tone). A triad group is
 * 1-2-3 (right) / 3-2-1 (left), with 4 instead of 3 when the group spans more than a fifth (1-2-4 for
 * C major's first inversion E–G–C); a seventh chord's group is 1-2-3-4 / 4-3-2-1. A run that starts on
 * the thumb's tone starts with 5 in the left hand and turns on 5 in the right; one that starts before
 * it starts with 2 in the right hand. This gives 1235/5421 for C major, 2124/2142 for D♭, E♭ and A♭
 * major, 12345/54321 for G7. Where a table prints another good choice (B♭ major left hand 3213) the
 * rule's answer (2142) differs.
 */
export interface ArpeggioFingering {
  /** Finger for each chord tone (in the order given) inside a run. */
  readonly inRun: readonly Finger[];
  /** Index of the tone the thumb takes. */
  readonly thumb: number;
}

/** Semitones from one chord tone up to the next one above it. */
function spanUp(from: PitchClass, to: PitchClass): number {
  const d = (chroma(to) - chroma(from) + 12) % 12;
  return d === 0 ? 12 : d;
}

export function arpeggioFingering(order: readonly PitchClass[], which: Hand): ArpeggioFingering {
  const k = order.length;
  const firstWhite = order.findIndex((pc) => !isBlackKey(pc));
  const thumb = firstWhite < 0 ? 0 : firstWhite;
  const at = (pos: number): PitchClass => order[(thumb + pos) % k] as PitchClass;
  let byPosition: Finger[];
  if (k === 3) {
    if (which === 'right') {
      const wide = spanUp(at(0), at(1)) + spanUp(at(1), at(2)) > 7;
      byPosition = [1, 2, wide ? 4 : 3];
    } else {
      const wide = spanUp(at(1), at(2)) + spanUp(at(2), at(0)) > 7;
      byPosition = [1, wide ? 4 : 3, 2];
    }
  } else {
    byPosition = which === 'right' ? [1, 2, 3, 4] : [1, 4, 3, 2];
  }
  const inRun = order.map((_, i) => byPosition[(i - thumb + k) % k] ?? 1);
  return { inRun, thumb };
}

/** Fingers for an arpeggio run over `pitches`: chord tones of `order`, up to the top and back down. */
export function fingerArpeggioRun(
  pitches: readonly Pitch[],
  order: readonly PitchClass[],
  which: Hand,
): Finger[] {
  const { inRun, thumb } = arpeggioFingering(order, which);
  const highest = Math.max(...pitches.map(midiOf));
  const toneOf = (p: Pitch): number =>
    Math.max(
      0,
      order.findIndex((pc) => chroma(pc) === chroma(p)),
    );
  return pitches.map((p, i) => {
    const tone = toneOf(p);
    const bottom = i === 0 || i === pitches.length - 1;
    if (which === 'right') {
      if (bottom) return thumb === 0 ? 1 : 2;
      if (midiOf(p) === highest) return tone === thumb ? 5 : (inRun[tone] ?? 1);
      return inRun[tone] ?? 1;
    }
    if (bottom) return tone === thumb ? 5 : (inRun[tone] ?? 1);
    return inRun[tone] ?? 1;
  });
}
