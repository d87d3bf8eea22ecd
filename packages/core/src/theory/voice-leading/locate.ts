import { measureMap, type Measure } from '../../score/measures.js';
import type { Score } from '../../score/score.js';
import { beatLength, measureLength } from '../../time/meter.js';
import { add, compare, div, floor, ONE, rat, sub, type Rational } from '../../time/rational.js';

export interface MeasureBeat {
  /** Measure number as printed (0 for a pickup). */
  readonly measure: number;
  /** Felt beat from 1; a pickup counts as the end of a full measure (a quarter pickup in 4/4 is beat 4). */
  readonly beat: Rational;
}

/** Returns a function that places a score position in its measure and beat. */
export function measureLocator(score: Score): (position: Rational) => MeasureBeat {
  const measures = measureMap(score);
  return (position) => {
    let found = measures[0] as Measure;
    for (const m of measures) {
      if (compare(m.start, position) <= 0) found = m;
      else break;
    }
    const missing = found.isPickup ? sub(measureLength(found.timeSignature), found.length) : rat(0);
    const offset = add(sub(position, found.start), missing);
    return { measure: found.number, beat: add(ONE, div(offset, beatLength(found.timeSignature))) };
  };
}

/** "m.3 beat 2", "m.3 beat 2.5", "m.1 beat 1 1/3". */
export function formatMeasureBeat({ measure, beat }: MeasureBeat): string {
  return `m.${measure} beat ${formatBeat(beat)}`;
}

function formatBeat(beat: Rational): string {
  if (beat.d === 1) return String(beat.n);
  // Halves, quarters and eighths read well as decimals; triplets as a fraction.
  if ([2, 4, 8].includes(beat.d)) return String(beat.n / beat.d);
  const whole = floor(beat);
  const frac = sub(beat, rat(whole));
  return `${whole} ${frac.n}/${frac.d}`;
}
