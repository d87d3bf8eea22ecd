import { estimateKey, type KeyEstimate } from '../key/index.js';
import type { DetectedOnsets } from '../onset/index.js';
import {
  estimateMeter,
  notatedTempo,
  trackBeats,
  type BeatTrack,
  type MeterEstimate,
} from '../rhythm/index.js';
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

/**
 * Beats at a tempo a musician would write. The envelope alone cannot tell a tempo from its half or double
 * (and a weak envelope — a legato flute or violin — may lock onto another periodicity); the notes can:
 * `notatedTempo` picks, among the envelope's periodicities and their doubles and halves, the tempo whose
 * whole and half beats the notes move in, under a tempo prior around 90 bpm. When that differs from the
 * tracker's own tempo, the tracker runs again held to it (a tempo the notes chose is not left to drift).
 */
export function readableBeats(onsets: DetectedOnsets, notes: readonly PerformedNote[]): BeatTrack {
  const first = trackBeats(onsets.envelope, onsets.frameRate);
  const bpm = notatedTempo(
    onsets.envelope,
    onsets.frameRate,
    first.bpm,
    notes.map((n) => n.onset),
  );
  if (bpm === undefined || Math.abs(bpm / first.bpm - 1) < 0.01) return first;
  return trackBeats(onsets.envelope, onsets.frameRate, { bpm, followTempo: false });
}
