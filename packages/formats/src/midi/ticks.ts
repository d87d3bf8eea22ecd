import { formatRational, MusicError, rat, type Rational } from '@cadenza/core';

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/**
 * Converts exact quarter-note positions to MIDI ticks. MIDI time is a whole number of ticks, so a
 * position that falls between ticks (a septuplet with 960 ticks per quarter) is an error rather than
 * a silent rounding: the message names the event and a tick resolution that would hold it.
 */
export function tickConverter(ticksPerQuarter: number): (quarters: Rational, what: () => string) => number {
  return (q, what) => {
    const scaled = q.n * ticksPerQuarter;
    if (scaled % q.d !== 0) {
      const needed = (ticksPerQuarter * q.d) / gcd(ticksPerQuarter, q.d);
      throw new MusicError(
        `${what()} at ${formatRational(q)} quarter notes falls between MIDI ticks at ${ticksPerQuarter} ticks per quarter note; ` +
          `write the file with ticksPerQuarter: ${needed} (a multiple of ${q.d}) to keep it exact`,
      );
    }
    return scaled / q.d;
  };
}

/** A tick count as exact quarter notes: 480 ticks at 960 per quarter → 1/2. */
export const ticksToQuarters = (ticks: number, ticksPerQuarter: number): Rational =>
  rat(ticks, ticksPerQuarter);
