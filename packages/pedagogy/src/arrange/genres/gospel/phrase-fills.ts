import { add, iv, midiOf, rat, sub, toNumber, transposeClass, type Note, type Pitch } from '@cadenza/core';
import type { PatternContext } from '../../arrangement-types.js';
import { barStart } from '../../chord-events.js';
import { isCompound } from '../../meter-grid.js';
import { pitchAtOrAbove } from '../../voicing.js';
import { gospelFeel } from './gospel-feel.js';
import { usesMinorVocabulary } from './gospel-chords.js';
import { handNote } from './hand-tools.js';

/** The gospel run scales: major pentatonic with the blue ♭3; minor blues (pentatonic with ♭5). */
const MAJOR_RUN = ['P1', 'M2', 'm3', 'M3', 'P5', 'M6'];
const MINOR_RUN = ['P1', 'm3', 'P4', 'd5', 'P5', 'm7'];
const RUN_RANGE: readonly [number, number] = [58, 91];

/** Phrase ends: every fourth bar and the bar before each new section (never the final bar). */
export function isPhraseEnd(context: PatternContext, bar: number): boolean {
  if (bar >= context.request.bars - 1) return false;
  const next = barStart(bar + 1, context.request.meter);
  const sectionStarts = context.progression.sections.some(
    (s) => s.position.n * next.d === next.n * s.position.d,
  );
  return (bar + 1) % 4 === 0 || sectionStarts;
}

/** The run's notes, high to low, in the key's gospel scale. */
function runPitches(context: PatternContext, startNear: number, count: number): Pitch[] {
  const { key } = context.request;
  const names = usesMinorVocabulary(key) ? MINOR_RUN : MAJOR_RUN;
  const ladder: Pitch[] = [];
  for (const name of names) {
    const pc = transposeClass(key.tonic, iv(name));
    for (
      let p = pitchAtOrAbove(pc, RUN_RANGE[0]);
      midiOf(p) <= RUN_RANGE[1];
      p = { ...p, octave: p.octave + 1 }
    )
      ladder.push(p);
  }
  ladder.sort((a, b) => midiOf(b) - midiOf(a));
  const top = Math.min(RUN_RANGE[1], startNear);
  const first = Math.max(
    0,
    Math.min(
      ladder.length - count,
      ladder.findIndex((p) => midiOf(p) <= top),
    ),
  );
  return ladder.slice(first, first + count);
}

/**
 * Fills at phrase ends with the application's improvisation probability: the last two beats of the
 * bar (one in a short bar; in 6/8 and 12/8 the last dotted quarter, the last two in 12/8) become a descending run in the gospel scale, triplet eighths under a swing
 * feel (the 12/8 roll), sixteenths when straight. The hand's own notes there are dropped or cut short.
 * `octaves` doubles the run an octave below (for octave-doubling hands).
 */
export function addPhraseFills(context: PatternContext, notes: readonly Note[], octaves = false): Note[] {
  const { request, rng } = context;
  const triplets = gospelFeel(request).kind === 'swing';
  // 6/8 and 12/8: the last dotted quarter (the last two in 12/8) runs down in six sixteenths a beat.
  const compound = isCompound(request.meter);
  let result = [...notes];
  for (let bar = 0; bar < request.bars; bar++) {
    if (!isPhraseEnd(context, bar) || !rng.chance(request.application.improvisation)) continue;
    const barEnd = barStart(bar + 1, request.meter);
    const beats = compound
      ? Math.min(3, Math.floor(toNumber(sub(barEnd, barStart(bar, request.meter))) / 2))
      : Math.min(2, Math.floor(toNumber(sub(barEnd, barStart(bar, request.meter)))));
    if (beats < 1) continue;
    const fillStart = sub(barEnd, rat(beats * (compound ? 3 : 2), 2));
    const before = result.filter(
      (n) =>
        toNumber(n.position) < toNumber(fillStart) &&
        toNumber(n.position) >= toNumber(barStart(bar, request.meter)),
    );
    const reference = before.length > 0 ? Math.max(...before.map((n) => midiOf(n.pitch))) : 74;
    result = result
      .filter(
        (n) => !(toNumber(n.position) >= toNumber(fillStart) && toNumber(n.position) < toNumber(barEnd)),
      )
      .map((n) =>
        toNumber(n.position) < toNumber(fillStart) &&
        toNumber(add(n.position, n.duration)) > toNumber(fillStart)
          ? { ...n, duration: sub(fillStart, n.position) }
          : n,
      );
    const step = triplets && !compound ? rat(1, 3) : rat(1, 4);
    const count = compound ? beats * 6 : beats * (triplets ? 3 : 4);
    const run = runPitches(context, reference + rng.int(3, 7), count);
    run.forEach((pitch, i) => {
      const at = add(fillStart, rat(i * step.n, step.d));
      result.push(handNote(pitch, at, step, 'right', i === 0 ? 84 : 72));
      if (octaves) result.push(handNote({ ...pitch, octave: pitch.octave - 1 }, at, step, 'right', 66));
    });
  }
  return result;
}
