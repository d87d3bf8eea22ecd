import type { PitchTrack } from '../pitch/index.js';

/** A note as it was played: seconds, a MIDI number, velocity and how sure the tracker was. */
export interface PerformedNote {
  readonly onset: number;
  readonly offset: number;
  readonly midi: number;
  readonly velocity: number;
  /** 0–1: voicing probability × how near a semitone the pitch centres × how steady it is. */
  readonly confidence: number;
}

export interface SegmentOptions {
  /** Shortest note kept, seconds (default 0.06). */
  readonly minDuration?: number;
  /** A pitch move this large (semitones) held for `pitchHold` starts a new note (default 0.7). */
  readonly pitchJump?: number;
  /** How long a new pitch must hold, seconds (default 0.05). */
  readonly pitchHold?: number;
  /** An onset inside a voiced stretch splits it when the level rises this much (dB) after it (default 1.5). */
  readonly onsetRiseDb?: number;
}

const midiOfHz = (hz: number) => 69 + 12 * Math.log2(hz / 440);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** RMS level in dBFS per pitch frame (a window of one hop around each frame centre). */
export function frameLevels(samples: Float32Array, track: PitchTrack): Float64Array {
  const levels = new Float64Array(track.times.length);
  const half = track.hop;
  for (let i = 0; i < levels.length; i++) {
    const centre = Math.round((track.times[i] as number) * track.rate);
    let sum = 0;
    let n = 0;
    for (let s = Math.max(0, centre - half); s < Math.min(samples.length, centre + half); s++) {
      const x = samples[s] as number;
      sum += x * x;
      n++;
    }
    levels[i] = n > 0 ? 10 * Math.log10(sum / n + 1e-12) : -120;
  }
  return levels;
}

/** Velocity from a note's peak level: −50 dBFS → 20, −6 dBFS → 120. */
export const velocityOfDb = (db: number): number =>
  Math.max(1, Math.min(127, Math.round(20 + ((db + 50) / 44) * 100)));

/**
 * Monophonic notes from a pitch track: voiced stretches, split where the pitch settles on a new note
 * (a move of `pitchJump` held for `pitchHold`, so vibrato and glides stay one note) and at onsets where the
 * level rises again (repeated notes of one pitch). Each note's pitch is the median over its frames.
 */
export function segmentNotes(
  track: PitchTrack,
  levels: Float64Array,
  onsets: readonly number[],
  options: SegmentOptions = {},
): PerformedNote[] {
  const minDuration = options.minDuration ?? 0.06;
  const jump = options.pitchJump ?? 0.7;
  const frameSeconds = track.hop / track.rate;
  const hold = Math.max(2, Math.round((options.pitchHold ?? 0.05) / frameSeconds));
  const riseDb = options.onsetRiseDb ?? 1.5;
  const n = track.times.length;
  const midi = Array.from(track.f0, (f) => (f > 0 ? midiOfHz(f) : Number.NaN));
  const onsetFrames = new Set(onsets.map((t) => Math.round(t / frameSeconds)));
  const notes: PerformedNote[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const frames = midi.slice(start, end).filter((m) => !Number.isNaN(m));
    const duration = (end - start) * frameSeconds;
    if (frames.length > 0 && duration >= minDuration) {
      const trim = Math.floor(frames.length * 0.1);
      const core = frames.slice(trim, frames.length - trim);
      const pitch = median(core.length > 0 ? core : frames);
      const spread = median(core.map((m) => Math.abs(m - pitch)));
      let voiced = 0;
      let peak = -120;
      for (let i = start; i < end; i++) {
        voiced += track.voicedProbability[i] as number;
        peak = Math.max(peak, levels[i] as number);
      }
      notes.push({
        onset: (track.times[start] as number) - frameSeconds / 2,
        offset: (track.times[end - 1] as number) + frameSeconds / 2,
        midi: Math.round(pitch),
        velocity: velocityOfDb(peak),
        // Sure when voiced throughout, centred on a semitone, and not wandering (vibrato costs a little).
        confidence: Math.max(
          0,
          Math.min(
            1,
            (voiced / (end - start)) *
              (1 - 2 * Math.abs(pitch - Math.round(pitch))) *
              (1 - 0.5 * Math.min(1, spread)),
          ),
        ),
      });
    }
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const m = midi[i] as number;
    if (Number.isNaN(m)) {
      close(i);
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    // A new note: the pitch has settled `jump` away from this note's pitch so far, for `hold` frames.
    const sofar = midi.slice(start, i).filter((x) => !Number.isNaN(x));
    const current = median(sofar.slice(-Math.max(hold * 3, 8)));
    const ahead = midi.slice(i, i + hold);
    const settled =
      ahead.length === hold &&
      ahead.every((x) => !Number.isNaN(x) && Math.abs(x - current) >= jump) &&
      Math.abs(median(ahead) - current) >= jump;
    // A re-articulation: an onset here, and the level rises after a dip.
    const struck =
      onsetFrames.has(i) &&
      i - start >= hold &&
      (levels[Math.min(n - 1, i + 2)] as number) -
        Math.min(...Array.from(levels.slice(Math.max(start, i - 3), i + 1))) >=
        riseDb;
    if (settled || struck) {
      close(i);
      start = i;
    }
  }
  close(n);
  return notes;
}
