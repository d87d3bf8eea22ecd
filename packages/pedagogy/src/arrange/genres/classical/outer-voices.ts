import { chroma, midiOf, type Key, type Pitch, type Rng } from '@cadenza/core';
import type { ArrangeRequest, ChordEvent, Progression } from '../../arrangement-types.js';
import { chordAt } from '../../chord-events.js';
import { nearestPitch } from '../../voicing.js';
import { barTwelfths, fromTwelfths, strongBeatsInBar, toTwelfths } from './meter-grid.js';

/** A place where the outer voices are heard together: a chord change or a strong beat. */
export interface StructuralPoint {
  /** Twelfths from the top. */
  readonly at: number;
  /** Twelfths to the next point (or the end). */
  readonly length: number;
  readonly chord: ChordEvent;
  /** The chord starts here. */
  readonly chordStarts: boolean;
  /** Inside the chord that closes a perfect authentic or deceptive cadence: the tonic in the soprano. */
  readonly sopranoOnTonic: boolean;
}

/** Bass register (C2–G3) and soprano register (F4–C6) as MIDI numbers. */
export const BASS_RANGE = [36, 55] as const;
export const SOPRANO_RANGE = [65, 84] as const;

/** Every chord change and strong beat, in order, with the chord sounding there. */
export function structuralPoints(request: ArrangeRequest, progression: Progression): StructuralPoint[] {
  const bar = barTwelfths(request.meter);
  const places = new Set<number>();
  for (const c of progression.chords) places.add(toTwelfths(c.position));
  for (let b = 0; b < request.bars; b++)
    for (const s of strongBeatsInBar(request.meter)) places.add(b * bar + s);
  const sorted = [...places].filter((p) => p < request.bars * bar).sort((a, b) => a - b);
  const tonic = chroma(request.key.tonic);
  return sorted.flatMap((at, i) => {
    const chord = chordAt(progression, fromTwelfths(at));
    if (!chord) return [];
    const chordStarts = toTwelfths(chord.position) === at;
    const next = sorted[i + 1] ?? request.bars * bar;
    // The chord after a dominant at a phrase end: I (PAC) or vi (deceptive) with the tonic on top.
    // The whole closing chord keeps the tonic on top (a strong beat inside it must not wander off).
    const closes =
      /perfect authentic|deceptive/.test(chord.comment) && chord.chord.notes.some((n) => chroma(n) === tonic);
    return [{ at, length: next - at, chord, chordStarts, sopranoOnTonic: closes }];
  });
}

/**
 * The bass of each point: the chord's bass note (root or inversion) as near the previous bass as the
 * bass register allows, so the line moves by step or small leap; ends on the low tonic.
 */
export function bassLine(points: readonly StructuralPoint[]): Pitch[] {
  let previous = 48;
  return points.map((point) => {
    let pitch = nearestPitch(point.chord.chord.bass, previous);
    while (midiOf(pitch) < BASS_RANGE[0]) pitch = { ...pitch, octave: pitch.octave + 1 };
    while (midiOf(pitch) > BASS_RANGE[1]) pitch = { ...pitch, octave: pitch.octave - 1 };
    previous = midiOf(pitch);
    return pitch;
  });
}

/** True when two voices move from a perfect fifth or octave (unison, compound) into the same interval. */
export function parallelPerfect(lowFrom: number, highFrom: number, lowTo: number, highTo: number): boolean {
  if (lowFrom === lowTo || highFrom === highTo) return false;
  const before = (((highFrom - lowFrom) % 12) + 12) % 12;
  const after = (((highTo - lowTo) % 12) + 12) % 12;
  return before === after && (before === 0 || before === 7);
}

/** Candidate soprano notes: the chord's tones in the soprano register. */
function candidates(point: StructuralPoint, key: Key): number[] {
  const tonic = chroma(key.tonic);
  const tones = point.chord.chord.notes.filter((n) => !point.sopranoOnTonic || chroma(n) === tonic);
  const out: number[] = [];
  for (let midi = SOPRANO_RANGE[0]; midi <= SOPRANO_RANGE[1]; midi++)
    if (tones.some((t) => chroma(t) === midi % 12)) out.push(midi);
  return out;
}

/** The cost of moving the melody by `leap` semitones: steps are cheapest, repeats and wide leaps dear. */
function leapCost(leap: number): number {
  const size = Math.abs(leap);
  if (size === 0) return 3;
  if (size <= 2) return size * 0.5;
  if (size <= 4) return size * 0.6 + 0.5;
  if (size === 5) return size;
  return size <= 9 ? size * 2 : 40;
}

/**
 * The soprano at every point: chord tones chosen over the whole piece at once (a shortest path), so that
 * the melody moves mostly by step in arch-shaped phrases, lands on the tonic at perfect authentic cadences,
 * and never forms parallel fifths or octaves with the bass. Seeded noise varies the line.
 */
export function sopranoLine(
  request: ArrangeRequest,
  points: readonly StructuralPoint[],
  bass: readonly Pitch[],
  rng: Rng,
): number[] {
  const bar = barTwelfths(request.meter);
  const options = points.map((p) => candidates(p, request.key));
  // cost[i][j]: cheapest line ending on options[i][j]; from[i][j]: the option before it.
  const cost: number[][] = [];
  const from: number[][] = [];
  options.forEach((opts, i) => {
    const point = points[i];
    const bassMidi = midiOf(bass[i] ?? { step: 'C', alter: 0, octave: 3 });
    const phraseFraction = ((point?.at ?? 0) % (4 * bar)) / (4 * bar);
    const arch = 70 + 8 * Math.sin(Math.PI * phraseFraction);
    cost.push([]);
    from.push([]);
    opts.forEach((midi) => {
      const inversionDoubling =
        point &&
        chroma(point.chord.chord.bass) !== chroma(point.chord.chord.root) &&
        midi % 12 === bassMidi % 12
          ? 4
          : 0;
      const own = 0.25 * Math.abs(midi - arch) + inversionDoubling + rng.next() * 1.5;
      if (i === 0) {
        cost[0]?.push(own + (midi % 12 === chroma(request.key.tonic) ? 0 : 1));
        from[0]?.push(-1);
        return;
      }
      const prevBass = midiOf(bass[i - 1] ?? { step: 'C', alter: 0, octave: 3 });
      let best = Infinity;
      let bestFrom = -1;
      (options[i - 1] ?? []).forEach((prev, k) => {
        if (parallelPerfect(prevBass, prev, bassMidi, midi)) return;
        const total = (cost[i - 1]?.[k] ?? Infinity) + leapCost(midi - prev);
        if (total < best) {
          best = total;
          bestFrom = k;
        }
      });
      cost[i]?.push(best + own);
      from[i]?.push(bestFrom);
    });
  });
  const last = options.length - 1;
  let index = (cost[last] ?? []).reduce((bi, c, j, all) => (c < (all[bi] ?? Infinity) ? j : bi), 0);
  const line: number[] = new Array<number>(options.length).fill(SOPRANO_RANGE[0]);
  for (let i = last; i >= 0; i--) {
    line[i] = options[i]?.[index] ?? SOPRANO_RANGE[0];
    index = from[i]?.[index] ?? 0;
  }
  return line;
}
