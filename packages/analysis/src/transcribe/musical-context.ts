import { estimateKey, type KeyEstimate } from '../key/index.js';
import type { DetectedOnsets } from '../onset/index.js';
import { estimateMeter, trackBeats, type BeatTrack, type MeterEstimate } from '../rhythm/index.js';
import type { PerformedNote } from './segment-notes.js';

/** The frame the notes sit in: beats and tempo, meter, key. */
export interface MusicalContext {
  /** Beat times, seconds. */
  readonly beats: readonly number[];
  readonly bpm: number;
  readonly meter: MeterEstimate;
  readonly key: KeyEstimate | undefined;
}

/**
 * Beats and tempo from the onset envelope, meter from beat accents and the notes, key from the notes'
 * pitch classes weighted by duration (Temperley's profiles) and the final note (see `KeyOptions.finalMidi`).
 * Shared by the monophonic and polyphonic paths.
 */
export function musicalContext(onsets: DetectedOnsets, notes: readonly PerformedNote[]): MusicalContext {
  const beatTrack = readableBeats(onsets, notes);
  const meter = estimateMeter(onsets.envelope, onsets.frameRate, beatTrack.beats, {
    notes: notes.map((n) => ({ time: n.onset, velocity: n.velocity, duration: n.offset - n.onset })),
  });
  const key =
    notes.length > 0
      ? estimateKey(
          notes.map((n) => ({ midi: n.midi, duration: n.offset - n.onset })),
          { profile: 'temperley', finalMidi: finalNote(notes) },
        )
      : undefined;
  return { beats: beatTrack.beats, bpm: beatTrack.bpm, meter, key };
}

/** The last note, or the lowest of the last chord (notes starting within 150 ms of the last onset). */
export function finalNote(notes: readonly PerformedNote[]): number {
  let last = -Infinity;
  for (const n of notes) last = Math.max(last, n.onset);
  let lowest = Infinity;
  for (const n of notes) if (n.onset >= last - 0.15) lowest = Math.min(lowest, n.midi);
  return lowest;
}

/** Slowest and fastest beats a reader expects before suspecting the tracker chose half or double time. */
const SLOW_BPM = 60;
const FAST_BPM = 180;

/**
 * Beats at a tempo a musician would write. The envelope alone cannot tell a tempo from its half or double;
 * the notes can: a beat under 60 bpm whose notes mostly move in halves of it is twice as fast, and a beat
 * over 180 bpm whose notes mostly last two of it is half as fast. Then the tracker runs again at that tempo.
 */
export function readableBeats(onsets: DetectedOnsets, notes: readonly PerformedNote[]): BeatTrack {
  const first = trackBeats(onsets.envelope, onsets.frameRate);
  const spacing = medianSpacing(notes);
  if (!(first.bpm > 0) || !(spacing > 0)) return first;
  const beat = 60 / first.bpm;
  if (first.bpm < SLOW_BPM && spacing <= 0.6 * beat)
    return trackBeats(onsets.envelope, onsets.frameRate, { bpm: 2 * first.bpm });
  if (first.bpm > FAST_BPM && spacing >= 1.8 * beat)
    return trackBeats(onsets.envelope, onsets.frameRate, { bpm: first.bpm / 2 });
  return first;
}

/** The median time between successive note starts (chord tones within 50 ms count once), seconds. */
function medianSpacing(notes: readonly PerformedNote[]): number {
  const starts: number[] = [];
  for (const t of notes.map((n) => n.onset).sort((a, b) => a - b)) {
    const last = starts.at(-1);
    if (last === undefined || t - last > 0.05) starts.push(t);
  }
  const gaps = starts
    .slice(1)
    .map((t, i) => t - (starts[i] as number))
    .sort((a, b) => a - b);
  return gaps.length > 0 ? (gaps[Math.floor(gaps.length / 2)] as number) : 0;
}
