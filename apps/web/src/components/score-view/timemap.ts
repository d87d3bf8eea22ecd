/**
 * verovio's timemap: one entry per moment something starts or stops, in performance time. The Player
 * turns it into "which notes sound at t ms". Pure data and functions: no DOM here.
 */
export interface TimemapEntry {
  /** Milliseconds from the start of the score. */
  readonly tstamp: number;
  /** Score time in quarter notes. */
  readonly qstamp?: number;
  /** Ids of the SVG note elements that start sounding here. */
  readonly on?: readonly string[];
  /** Ids of the notes that stop here. */
  readonly off?: readonly string[];
  readonly tempo?: number;
  readonly measureOn?: string;
}

export type Timemap = readonly TimemapEntry[];

/** Sounding notes after each timemap moment, for lookups by binary search. */
export interface SoundingIndex {
  /** Ascending milliseconds. */
  readonly times: readonly number[];
  /** The ids sounding from `times[i]` until `times[i + 1]`. */
  readonly sounding: readonly (readonly string[])[];
}

function isEntry(value: unknown): value is TimemapEntry {
  return typeof value === 'object' && value !== null && typeof (value as TimemapEntry).tstamp === 'number';
}

/** Checks what renderToTimemap returned; anything else is a bug in the engraver glue, so say so. */
export function parseTimemap(value: unknown): Timemap {
  if (!Array.isArray(value) || !value.every(isEntry)) {
    throw new Error('verovio returned a timemap that is not a list of { tstamp, on, off } entries');
  }
  return value;
}

/** Replays the on/off events in time order. Entries sharing a time are merged. */
export function buildSoundingIndex(timemap: Timemap): SoundingIndex {
  const entries = [...timemap].sort((a, b) => a.tstamp - b.tstamp);
  const times: number[] = [];
  const sounding: string[][] = [];
  const now = new Set<string>();
  for (const entry of entries) {
    for (const id of entry.off ?? []) now.delete(id);
    for (const id of entry.on ?? []) now.add(id);
    if (times.length > 0 && times[times.length - 1] === entry.tstamp)
      sounding[sounding.length - 1] = [...now];
    else {
      times.push(entry.tstamp);
      sounding.push([...now]);
    }
  }
  return { times, sounding };
}

/** The ids of the notes sounding at `ms` milliseconds (none before the first note or after the last). */
export function soundingAt(index: SoundingIndex, ms: number): readonly string[] {
  let low = 0;
  let high = index.times.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((index.times[mid] ?? Infinity) <= ms) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found < 0 ? [] : (index.sounding[found] ?? []);
}
