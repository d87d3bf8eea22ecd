import type { Timemap } from '../../components/score-view/timemap.js';

/**
 * Time on the Practice page: the count-in's clicks (felt beats, the downbeat accented) and the shift
 * that lines the score's cursor up with exercise audio that starts with a count-in. Tempo is in quarter
 * notes per minute, as the exercise API gives it. Pure: no DOM.
 */

export interface Meter {
  readonly beats: number;
  readonly beatType: number;
}

/** "6/8" → { beats: 6, beatType: 8 }; anything unreadable is 4/4. */
export function parseMeter(text: string): Meter {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const beats = Number(match?.[1]);
  const beatType = Number(match?.[2]);
  return beats > 0 && beatType > 0 ? { beats, beatType } : { beats: 4, beatType: 4 };
}

/** The beats a listener feels in a bar, in quarter notes each: 6/8 is two dotted quarters, 3/4 three quarters. */
export function feltBeats(meter: Meter): { readonly count: number; readonly quarters: number } {
  const compound = meter.beatType === 8 && meter.beats > 3 && meter.beats % 3 === 0;
  if (compound) return { count: meter.beats / 3, quarters: 1.5 };
  return { count: meter.beats, quarters: 4 / meter.beatType };
}

/** One click of a count-in: when (ms from its start) and whether it is a bar's first beat. */
export interface Click {
  readonly at: number;
  readonly accent: boolean;
}

/** The clicks of `bars` bars of count-in at `tempo`, and how long it lasts (ms: the first downbeat). */
export function countIn(
  meter: Meter,
  tempo: number,
  bars: number,
): { readonly clicks: readonly Click[]; readonly length: number } {
  const { count, quarters } = feltBeats(meter);
  const beatMs = (quarters * 60_000) / tempo;
  const clicks: Click[] = [];
  for (let bar = 0; bar < bars; bar++) {
    for (let beat = 0; beat < count; beat++) {
      clicks.push({ at: (bar * count + beat) * beatMs, accent: beat === 0 });
    }
  }
  return { clicks, length: bars * count * beatMs };
}

/** How long `bars` bars last at `tempo` (ms): the count-in before the music in an exercise's audio. */
export function barsLength(meter: Meter, tempo: number, bars: number): number {
  return countIn(meter, tempo, bars).length;
}

/** The timemap with every moment `ms` later, so the cursor waits for the audio's count-in. */
export function shiftTimemap(timemap: Timemap, ms: number): Timemap {
  if (ms === 0) return timemap;
  return timemap.map((entry) => ({ ...entry, tstamp: entry.tstamp + ms }));
}
