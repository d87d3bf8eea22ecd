import { estimateKey, type KeyEstimate } from '../key/index.js';
import type { DetectedOnsets } from '../onset/index.js';
import { estimateMeter, trackBeats, type MeterEstimate } from '../rhythm/index.js';
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
  const beatTrack = trackBeats(onsets.envelope, onsets.frameRate);
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
