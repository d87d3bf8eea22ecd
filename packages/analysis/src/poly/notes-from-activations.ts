import type { PerformedNote } from '../transcribe/segment-notes.js';
import type { NoteActivations } from './note-activations.js';

export interface ActivationNoteOptions {
  /** An onset peak at least this strong starts a note (default 0.5). */
  readonly onsetThreshold?: number;
  /** A note lasts while its key's frame activation stays above this (default 0.3). */
  readonly frameThreshold?: number;
  /** Frames below the frame threshold tolerated inside a note (default 4, ~46 ms). */
  readonly gapFrames?: number;
  /** Shortest note kept, seconds (default 0.06). */
  readonly minDuration?: number;
  /** Onset peaks of one key closer than this merge into one, seconds (default 0.05). */
  readonly mergeWindow?: number;
  /**
   * A sounding key with no onset peak still becomes a note when its frame activation stays above this for
   * `sustainedDuration` (a note whose attack the model missed; default 0.6).
   */
  readonly sustainedThreshold?: number;
  /** Seconds (default 0.2). */
  readonly sustainedDuration?: number;
  /**
   * An onset peak while its key is already sounding re-strikes the note only when at least this strong
   * (default 0.8); weaker peaks inside a held note are the model hearing the note go on (bowing, vibrato).
   */
  readonly restrikeThreshold?: number;
  /**
   * A note starting with a stronger note an octave, a twelfth or two octaves away is a ghost of it (an
   * overtone or a subharmonic) when its mean activation is below this fraction of the other's (default 0.5).
   */
  readonly ghostRatio?: number;
  /** Seconds added to every onset and offset to line frames up with the sound (default 0). */
  readonly latency?: number;
}

interface Candidate {
  readonly frame: number;
  /** Sub-frame position of the peak. */
  readonly at: number;
  readonly strength: number;
}

/** The sub-frame offset (−0.5…0.5) of a peak from its neighbours (a parabola through three points). */
function peakOffset(before: number, peak: number, after: number): number {
  const curve = before - 2 * peak + after;
  if (curve >= 0) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (before - after)) / curve));
}

/** Onset peaks of one key: local maxima over the threshold, merged when closer than `merge` frames. */
function onsetPeaks(a: NoteActivations, key: number, threshold: number, merge: number): Candidate[] {
  const { onsets, frameCount, keys } = a;
  const at = (t: number) => (t < 0 || t >= frameCount ? 0 : (onsets[t * keys + key] as number));
  const peaks: Candidate[] = [];
  for (let t = 0; t < frameCount; t++) {
    const v = at(t);
    if (v < threshold || v < at(t - 1) || v <= at(t + 1)) continue;
    const peak = { frame: t, at: t + peakOffset(at(t - 1), v, at(t + 1)), strength: v };
    const last = peaks.at(-1);
    if (last && t - last.frame < merge) {
      if (v > last.strength) peaks[peaks.length - 1] = peak;
    } else peaks.push(peak);
  }
  return peaks;
}

/**
 * Notes from note/onset activations: every onset peak starts a note of its key that lasts while the key's
 * frame activation holds (short gaps tolerated) and ends where the next onset of the same key begins (a
 * repeated note); long stretches of strong activation with no onset become notes as well. Velocity follows
 * the note's activation, confidence the onset's and the frames' strength.
 */
export function notesFromActivations(
  a: NoteActivations,
  options: ActivationNoteOptions = {},
): PerformedNote[] {
  const onsetThreshold = options.onsetThreshold ?? 0.5;
  const frameThreshold = options.frameThreshold ?? 0.3;
  const gap = options.gapFrames ?? 4;
  const minFrames = Math.max(1, Math.round((options.minDuration ?? 0.06) * a.frameRate));
  const merge = Math.max(1, Math.round((options.mergeWindow ?? 0.05) * a.frameRate));
  const sustainedThreshold = options.sustainedThreshold ?? 0.6;
  const sustainedFrames = Math.round((options.sustainedDuration ?? 0.2) * a.frameRate);
  const restrike = options.restrikeThreshold ?? 0.8;
  const ghostRatio = options.ghostRatio ?? 0.5;
  const latency = options.latency ?? 0;
  const { frames, frameCount, keys } = a;
  const notes: (PerformedNote & { readonly mean: number; readonly startFrame: number })[] = [];
  const level = (t: number, key: number) => frames[t * keys + key] as number;

  for (let key = 0; key < keys; key++) {
    // A weak peak while the key already sounds continues the note rather than re-striking it.
    const sounding = (t: number) =>
      t >= 2 && Math.min(level(t - 1, key), level(t - 2, key)) >= frameThreshold;
    const peaks = onsetPeaks(a, key, onsetThreshold, merge).filter(
      (p, i) => i === 0 || p.strength >= restrike || !sounding(p.frame),
    );
    const covered = new Uint8Array(frameCount);
    const addNote = (start: number, startAt: number, end: number, onsetStrength: number) => {
      if (end - start < minFrames) return;
      let sum = 0;
      for (let t = start; t < end; t++) {
        sum += level(t, key);
        covered[t] = 1;
      }
      const mean = sum / (end - start);
      notes.push({
        onset: Math.max(0, startAt / a.frameRate + latency),
        offset: end / a.frameRate + latency,
        midi: a.lowestMidi + key,
        velocity: Math.max(1, Math.min(127, Math.round(30 + 90 * mean))),
        confidence: Math.min(1, Math.sqrt(onsetStrength * Math.min(1, mean / 0.7))),
        mean,
        startFrame: start,
      });
    };
    // The note from each onset runs while the frames hold, up to the next onset of this key.
    peaks.forEach((peak, i) => {
      const limit = peaks[i + 1]?.frame ?? frameCount;
      let end = peak.frame + 1;
      let below = 0;
      for (let t = peak.frame + 1; t < limit; t++) {
        if (level(t, key) >= frameThreshold) {
          end = t + 1;
          below = 0;
        } else if (++below > gap) break;
      }
      addNote(peak.frame, peak.at, end, peak.strength);
    });
    // Sustained activation the onsets missed.
    let run = -1;
    for (let t = 0; t <= frameCount; t++) {
      const strong = t < frameCount && covered[t] === 0 && level(t, key) >= sustainedThreshold;
      if (strong && run < 0) run = t;
      if (!strong && run >= 0) {
        if (t - run >= sustainedFrames) addNote(run, run, t, 0.5);
        run = -1;
      }
    }
  }
  return withoutGhosts(notes, ghostRatio, Math.max(1, Math.round(0.035 * a.frameRate))).map(
    ({ onset, offset, midi, velocity, confidence }) => ({ onset, offset, midi, velocity, confidence }),
  );
}

const GHOST_INTERVALS = new Set([12, 19, 24]);

/**
 * Drops notes that start with a much stronger note an octave, a twelfth or two octaves away (the model
 * hearing an overtone as a note, or a subharmonic under one); sorted by onset, then pitch.
 */
function withoutGhosts<N extends PerformedNote & { readonly mean: number; readonly startFrame: number }>(
  notes: readonly N[],
  ratio: number,
  together: number,
): N[] {
  const sorted = [...notes].sort((x, y) => x.startFrame - y.startFrame || x.midi - y.midi);
  return sorted.filter((n, i) => {
    for (let j = i - 1; j >= 0 && n.startFrame - (sorted[j] as N).startFrame <= together; j--)
      if (isGhostOf(n, sorted[j] as N, ratio)) return false;
    for (let j = i + 1; j < sorted.length && (sorted[j] as N).startFrame - n.startFrame <= together; j++)
      if (isGhostOf(n, sorted[j] as N, ratio)) return false;
    return true;
  });
}

function isGhostOf(
  n: PerformedNote & { mean: number },
  other: PerformedNote & { mean: number },
  ratio: number,
) {
  return GHOST_INTERVALS.has(Math.abs(n.midi - other.midi)) && n.mean < ratio * other.mean;
}
