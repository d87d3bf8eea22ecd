import { midiOf, parseTimeSignature, toNumber, type Note } from '@cadenza/core';
import { arrange, type Arrangement, type ArrangeRequest } from '../src/index.js';
import { testRequest } from './arrange-helpers.js';

export const APPLICATION_IDS = ['classical', 'baroque', 'romantic'] as const;
export const METERS = ['4/4', '3/4', '6/8'] as const;

/** A classical request in an application and meter (C major, 16 bars unless overridden). */
export function classicalRequest(
  application: string,
  meter: string,
  overrides: Parameters<typeof testRequest>[1] = {},
): ArrangeRequest {
  return testRequest('classical', { application, meter: parseTimeSignature(meter), ...overrides });
}

export const notesOf = (result: Arrangement): Note[] => result.score.parts.flatMap((p) => p.notes);

/** Bar length in quarter notes for the meters used here. */
export const barLength = (meter: string): number => ({ '4/4': 4, '3/4': 3, '6/8': 3, '2/4': 2 })[meter] ?? 4;

/**
 * The outer voices where the ear hears them together: at every chord change and strong beat (bar line,
 * and the middle of a 4/4 bar), the lowest left-hand and highest right-hand note starting there.
 */
export function outerVoices(
  result: Arrangement,
  request: ArrangeRequest,
): { at: number; bass: number; soprano: number }[] {
  const bar = toNumber(result.score.end ?? { n: 0, d: 1 }) / request.bars;
  const places = new Set<number>(result.progression.chords.map((c) => toNumber(c.position)));
  for (let b = 0; b < request.bars; b++) {
    places.add(b * bar);
    if (request.meter.beats === 4 && request.meter.beatType === 4) places.add(b * bar + 2);
    if (request.meter.beats === 12 && request.meter.beatType === 8) places.add(b * bar + 3);
  }
  const notes = notesOf(result);
  return [...places]
    .sort((a, b) => a - b)
    .map((at) => {
      const starting = notes.filter((n) => Math.abs(toNumber(n.position) - at) < 1e-9);
      const left = starting.filter((n) => n.staff === 2).map((n) => midiOf(n.pitch));
      const right = starting.filter((n) => n.staff === 1).map((n) => midiOf(n.pitch));
      return { at, bass: Math.min(...left), soprano: Math.max(...right) };
    });
}

/** Descriptions of parallel (or consecutive) perfect fifths and octaves between consecutive outer-voice pairs. */
export function parallels(pairs: readonly { at: number; bass: number; soprano: number }[]): string[] {
  const found: string[] = [];
  for (let i = 1; i < pairs.length; i++) {
    const a = pairs[i - 1];
    const b = pairs[i];
    if (!a || !b || a.bass === b.bass || a.soprano === b.soprano) continue;
    const before = (a.soprano - a.bass) % 12;
    const after = (b.soprano - b.bass) % 12;
    if (before === after && (before === 0 || before === 7))
      found.push(
        `${before === 0 ? 'octaves' : 'fifths'} at ${a.at}→${b.at}: ${a.bass}/${a.soprano} → ${b.bass}/${b.soprano}`,
      );
  }
  return found;
}

export { arrange };
