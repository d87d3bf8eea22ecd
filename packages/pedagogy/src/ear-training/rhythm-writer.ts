import { beatsPerMeasure, isCompoundMeter, type Rng, type TimeSignature } from '@cadenza/core';
import type { DictationNote } from './question-types.js';
import { cellFitsAt, rhythmCell, type RhythmCell } from './rhythm-cells.js';

/** Rests are drawn less often than notes, so a rhythm stays mostly sound. */
const REST_WEIGHT = 0.4;

const hasRest = (c: RhythmCell): boolean => c.values.some((v) => v.rest === true);

/**
 * `bars` bars of `timeSignature` built from the named rhythm cells (those of the meter's beat kind),
 * beat by beat, so every bar sums to the meter and every beat is written as a reader expects. The first
 * value is a note; with `rests: false` rest cells are left out (melodies), and with `endLong` the last
 * value is a single note of a beat or more.
 */
export function writeRhythm(
  rng: Rng,
  options: {
    readonly timeSignature: TimeSignature;
    readonly bars: number;
    readonly cellIds: readonly string[];
    readonly rests: boolean;
    /** End on one long value (a whole beat or more), as a melody ends: no short notes at the close. */
    readonly endLong?: boolean;
  },
): DictationNote[] {
  const { timeSignature, bars } = options;
  const beatKind = isCompoundMeter(timeSignature) ? 'compound' : 'simple';
  const cells = options.cellIds
    .map(rhythmCell)
    .filter((c) => c.beatKind === beatKind && (options.rests || !hasRest(c)));
  const perBar = beatsPerMeasure(timeSignature);
  const out: DictationNote[] = [];
  for (let bar = 0; bar < bars; bar++) {
    let beat = 0;
    while (beat < perBar) {
      const first = out.length === 0;
      const closing = options.endLong === true && bar === bars - 1;
      const fits = cells.filter(
        (c) =>
          cellFitsAt(c, beat, perBar) &&
          !(first && c.values[0]?.rest === true) &&
          !(closing && beat + c.beats === perBar && (c.values.length > 1 || hasRest(c))),
      );
      if (fits.length === 0) {
        throw new RangeError(
          `no rhythm cell fits beat ${beat + 1} of ${perBar} (cells: ${options.cellIds.join(' ')})`,
        );
      }
      const chosen = rng.weighted(
        fits,
        fits.map((c) => (hasRest(c) ? REST_WEIGHT : 1)),
      );
      for (const v of chosen.values)
        out.push(v.rest ? { duration: v.duration, rest: true } : { duration: v.duration });
      beat += chosen.beats;
    }
  }
  return out;
}
