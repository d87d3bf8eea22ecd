import { chroma, isMinorLike, midiOf, type Key, type Note, type Rng } from '@cadenza/core';
import type { PatternContext } from '../../arrangement-types.js';
import { periodOf } from './classical-progression.js';
import { fromTwelfths } from './meter-grid.js';
import { classicalNote, outerPlan, spellFor, type OuterPlan } from './outer-plan.js';
import type { StructuralPoint } from './outer-voices.js';

/** The key's scale (harmonic minor in minor keys, for its leading tone) as MIDI numbers 48–96. */
function scaleMidis(key: Key): number[] {
  const steps = isMinorLike(key) ? [0, 2, 3, 5, 7, 8, 11] : [0, 2, 4, 5, 7, 9, 11];
  const tonic = chroma(key.tonic);
  const out: number[] = [];
  for (let m = 48; m <= 96; m++) if (steps.includes((((m - tonic) % 12) + 12) % 12)) out.push(m);
  return out;
}

/** The index of the scale note at or just below `midi` (a chromatic chord tone counts from below). */
const scaleIndex = (scale: readonly number[], midi: number): number =>
  Math.max(
    0,
    scale.findLastIndex((m) => m <= midi),
  );

/** Rhythms (in twelfths) that fill a stretch between two soprano notes: first the structural note. */
function rhythmFor(length: number, rng: Rng): number[] {
  const options: Record<number, number[][]> = {
    12: [[12], [6, 6]],
    18: [
      [12, 6],
      [6, 6, 6],
    ],
    24: [
      [12, 12],
      [12, 6, 6],
      [18, 6],
    ],
    36: [
      [24, 12],
      [12, 12, 12],
      [12, 6, 6, 12],
    ],
    48: [
      [24, 12, 12],
      [12, 12, 12, 12],
    ],
  };
  return rng.pick(options[length] ?? [[length]]);
}

/**
 * The notes between soprano `from` and the next soprano `to`: passing tones walk by step through the
 * scale towards it; when there is no room to walk (a repeated note) an upper neighbour decorates it;
 * a wide leap is taken first and then filled by step.
 */
export function fillBetween(from: number, to: number, count: number, key: Key): number[] {
  const scale = scaleMidis(key);
  const a = scaleIndex(scale, from);
  const b = scaleIndex(scale, to);
  const out: number[] = [];
  let current = a;
  for (let j = 1; j <= count; j++) {
    const distance = b - current;
    const remaining = count - j + 1;
    if (distance === 0) current += j % 2 === 1 ? 1 : -1;
    else if (Math.abs(distance) > remaining) current = b - Math.sign(distance) * remaining;
    else current += Math.sign(distance);
    out.push(scale[current] ?? from);
  }
  return out;
}

/**
 * A Baroque suspension at a chord change: the previous soprano is held into the new chord, where it is
 * not a chord tone, and resolves down by step onto the planned soprano. Only where the held note makes
 * no perfect fifth or octave with the new bass (so the outer voices stay clean). The held note, or none.
 */
function suspension(
  point: StructuralPoint,
  held: number | undefined,
  resolution: number,
  bass: number,
): number | undefined {
  // A cadence arrives on its tonic exactly on the beat: no suspension there.
  if (held === undefined || !point.chordStarts || point.sopranoOnTonic || point.length < 12) return undefined;
  const step = held - resolution;
  const interval = (((held - bass) % 12) + 12) % 12;
  const chordTone = point.chord.chord.notes.some((n) => chroma(n) === held % 12);
  return (step === 1 || step === 2) && !chordTone && interval !== 0 && interval !== 7 ? held : undefined;
}

/**
 * The singable line: the soprano on every chord change and strong beat, passing and neighbour tones
 * between, cadences held; in Baroque pieces, suspensions where the line falls by step into a new chord.
 */
export function melodyNotes(context: PatternContext, plan: OuterPlan = outerPlan(context, true)): Note[] {
  const { points, soprano, bass } = plan;
  const baroque = periodOf(context.request) === 'baroque';
  const held = points.map((point, i) => {
    const before = soprano[i - 1];
    const pitch = soprano[i];
    if (!baroque || !before || !pitch) return undefined;
    return suspension(point, midiOf(before), midiOf(pitch), midiOf(bass[i] ?? pitch));
  });
  const notes: Note[] = [];
  points.forEach((point, i) => {
    const pitch = soprano[i];
    if (!pitch) return;
    const next = soprano[i + 1];
    const before = soprano[i - 1];
    if (held[i] !== undefined && before) {
      // Held for half the stretch (a dissonance on the beat), then the resolution.
      const half = point.length >= 24 ? 12 : 6;
      notes.push(classicalNote(before, fromTwelfths(point.at), fromTwelfths(half), 'right', 90));
      notes.push(
        classicalNote(pitch, fromTwelfths(point.at + half), fromTwelfths(point.length - half), 'right', 72),
      );
      return;
    }
    // The note before a suspension is its preparation: held, so the same pitch carries over the change.
    const hold =
      !next || held[i + 1] !== undefined || point.sopranoOnTonic || /cadence/.test(point.chord.comment);
    const rhythm = hold ? [point.length] : rhythmFor(point.length, context.rng);
    const fills = next
      ? fillBetween(midiOf(pitch), midiOf(next), rhythm.length - 1, context.request.key)
      : [];
    let t = point.at;
    rhythm.forEach((length, k) => {
      const note = k === 0 ? pitch : spellFor(fills[k - 1] ?? midiOf(pitch), point.chord.chord, context);
      notes.push(classicalNote(note, fromTwelfths(t), fromTwelfths(length), 'right', k === 0 ? 88 : 74));
      t += length;
    });
  });
  return notes;
}
