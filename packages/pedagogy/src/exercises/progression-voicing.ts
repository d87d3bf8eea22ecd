import {
  chordNotesFromBass,
  midiOf,
  placeAtOrAbove,
  samePitchClass,
  type Chord,
  type Pitch,
  type PitchClass,
} from '@cadenza/core';

/** A four-voice chord for the piano: the left hand's bass and three right-hand notes (lowest first). */
export interface FourVoices {
  readonly bass: Pitch;
  readonly upper: readonly Pitch[];
}

/** Limits the voice leader keeps (and promises): upper voices move by at most a perfect fourth. */
export const MAX_UPPER_MOVE = 5;
export const MAX_BASS_MOVE = 12;
const BASS_RANGE = [40, 60] as const; // E2–C4
const UPPER_RANGE = [55, 79] as const; // G3–G5
const UPPER_CENTRE = 67;

/** The three pitch classes the right hand plays: the whole triad, or a seventh chord less its bass note. */
function upperTones(chord: Chord): PitchClass[] {
  if (chord.notes.length <= 3) return [...chord.notes];
  return chordNotesFromBass(chord)
    .filter((pc) => !samePitchClass(pc, chord.bass))
    .slice(0, 3);
}

function candidates(chord: Chord): Candidate[] {
  const out: Candidate[] = [];
  const tones = upperTones(chord);
  for (let bassMidi = BASS_RANGE[0]; bassMidi <= BASS_RANGE[1]; bassMidi += 12) {
    const bass = placeAtOrAbove(chord.bass, bassMidi);
    if (midiOf(bass) > BASS_RANGE[1]) continue;
    for (let rotation = 0; rotation < tones.length; rotation++) {
      const order = [...tones.slice(rotation), ...tones.slice(0, rotation)];
      const upper: Pitch[] = [placeAtOrAbove(order[0] as PitchClass, UPPER_RANGE[0])];
      for (const pc of order.slice(1))
        upper.push(placeAtOrAbove(pc, midiOf(upper[upper.length - 1] as Pitch) + 1));
      // The close position and the same an octave higher, where they fit above the bass and in range.
      for (const shift of [0, 1]) {
        const placed = upper.map((p) => ({ ...p, octave: p.octave + shift }));
        const midis = [midiOf(bass), ...placed.map(midiOf)];
        if ((midis[3] as number) > UPPER_RANGE[1] || (midis[1] as number) <= (midis[0] as number)) continue;
        out.push({ bass, upper: placed, midis });
      }
    }
  }
  return out;
}

interface Candidate extends FourVoices {
  /** MIDI numbers, bass first. */
  readonly midis: readonly number[];
}

const voicesOf = (v: FourVoices): readonly number[] =>
  'midis' in v ? (v as Candidate).midis : [midiOf(v.bass), ...v.upper.map(midiOf)];

/** Parallel fifths or octaves (by semitone class, as the core checker counts them) between any two voices. */
export function parallels(a: FourVoices, b: FourVoices): number {
  const x = voicesOf(a);
  const y = voicesOf(b);
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const xi = x[i] as number;
      const xj = x[j] as number;
      const yi = y[i] as number;
      const yj = y[j] as number;
      if (xi === yi && xj === yj) continue;
      const before = (((xj - xi) % 12) + 12) % 12;
      const after = (((yj - yi) % 12) + 12) % 12;
      const same = Math.sign(yi - xi) === Math.sign(yj - xj) && yi !== xi;
      if (same && before === after && (before === 0 || before === 7)) count++;
    }
  }
  return count;
}

function transitionCost(a: FourVoices, b: FourVoices): number {
  const x = voicesOf(a);
  const y = voicesOf(b);
  let cost = 0;
  for (let i = 0; i < x.length; i++) {
    const move = Math.abs((y[i] as number) - (x[i] as number));
    const limit = i === 0 ? MAX_BASS_MOVE : MAX_UPPER_MOVE;
    cost += i === 0 ? move * 0.3 : move;
    if (move > limit) cost += 1000;
  }
  return cost + 1000 * parallels(a, b);
}

const placementCost = (v: FourVoices): number =>
  Math.abs(midiOf(v.upper[1] as Pitch) - UPPER_CENTRE) * 0.2 + Math.abs(midiOf(v.bass) - 48) * 0.05;

/**
 * Voices a chord sequence for piano in four parts (bass + three close right-hand notes) by dynamic
 * programming over every placement: the least total motion with no parallel fifths or octaves between
 * any two voices and no upper voice leaping more than a fourth, whenever such a voicing exists.
 */
export function voiceProgression(chords: readonly Chord[]): FourVoices[] {
  const layers = chords.map(candidates);
  let costs = (layers[0] ?? []).map(placementCost);
  const back: number[][] = [];
  for (let c = 1; c < layers.length; c++) {
    const prev = layers[c - 1] ?? [];
    const here = layers[c] ?? [];
    const nextCosts: number[] = [];
    const from: number[] = [];
    here.forEach((v) => {
      let best = Infinity;
      let arg = 0;
      prev.forEach((p, i) => {
        const total = (costs[i] ?? Infinity) + transitionCost(p, v);
        if (total < best) {
          best = total;
          arg = i;
        }
      });
      nextCosts.push(best + placementCost(v) * 0.25);
      from.push(arg);
    });
    costs = nextCosts;
    back.push(from);
  }
  let index = costs.indexOf(Math.min(...costs));
  const out: FourVoices[] = [];
  for (let c = layers.length - 1; c >= 0; c--) {
    const chosen = (layers[c] ?? [])[index] as Candidate;
    out.unshift({ bass: chosen.bass, upper: chosen.upper });
    if (c > 0) index = back[c - 1]?.[index] ?? 0;
  }
  return out;
}
