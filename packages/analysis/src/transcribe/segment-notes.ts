import type { PitchTrack } from '../pitch/index.js';

/**
 * What told the segmenter a note started: `voicing` (a pitch appeared), `onset` (a spectral-flux onset),
 * `pitch` (the pitch settled on a new note), `level` (a dip in the level), `harmonics` (the harmonics'
 * phase jumped with a dip: a same-pitch re-articulation), `step` (the level stepped down and swelled
 * again: a re-bowed string). Each cue comes with its own lag.
 */
export type NoteStartCue = 'voicing' | 'onset' | 'pitch' | 'level' | 'harmonics' | 'step';

/** A note as it was played: seconds, a MIDI number, velocity and how sure the tracker was. */
export interface PerformedNote {
  readonly onset: number;
  readonly offset: number;
  readonly midi: number;
  readonly velocity: number;
  /** 0–1: voicing probability × how near a semitone the pitch centres × how steady it is. */
  readonly confidence: number;
  /** The pitch as played, fractional MIDI (the median of its frames; melody path only): its tuning. */
  readonly pitch?: number;
  /** What its start was found from (melody path only). */
  readonly cue?: NoteStartCue;
}

export interface SegmentOptions {
  /** Shortest note kept, seconds (default 0.06). */
  readonly minDuration?: number;
  /** A pitch move this large (semitones) held for `pitchHold` starts a new note (default 0.7). */
  readonly pitchJump?: number;
  /** How long a new pitch must hold, seconds (default 0.05). */
  readonly pitchHold?: number;
  /**
   * The note's pitch that a new pitch is measured from leaves out this many seconds just before it
   * (default 0), so a slow glide into the next note does not drag the reference along with it.
   */
  readonly pitchReferenceGap?: number;
  /** An onset inside a voiced stretch splits it when the level rises this much (dB) after it (default 0.5). */
  readonly onsetRiseDb?: number;
  /**
   * Per pitch frame, how far the harmonics leave their predicted path (`harmonicPhaseDeviation`). With it,
   * a same-pitch re-articulation is found where the deviation peaks well above its typical value and the
   * level dips at the same time, even by a few dB.
   */
  readonly deviation?: Float64Array;
  /** A re-articulation's deviation peak must reach this many times the recording's median (default 3). */
  readonly deviationRatio?: number;
  /** …or this many times the median within 250 ms (a quiet stretch of a restless recording; default off). */
  readonly localDeviationRatio?: number;
  /** …and the level must dip this much (dB) below both sides around it (default 2)… */
  readonly deviationDipDb?: number;
  /**
   * …coming back within this many seconds (default 0.3). A wind's new note speaks at once, so a short
   * window tells it from the slow swell back out of a vibrato's trough; a bowed note swells for longer.
   */
  readonly deviationRise?: number;
  /**
   * A re-bowed note of the same pitch: the level steps down this many dB within 100 ms, stays down for
   * 70 ms (a vibrato trough comes straight back up) and swells 3 dB again within 400 ms (default off).
   */
  readonly stepDownDb?: number;
  /** How far back (seconds) the level's fall for `stepDownDb` is measured from (default 0.1). */
  readonly stepReach?: number;
  /** A level dip re-articulates a note when it falls this many dB below the 80 ms before (default 7). */
  readonly dipDb?: number;
  /** …and rises this many dB in the 80 ms after (default 5)… */
  readonly dipRiseDb?: number;
  /** …or in this many seconds after, where longer (default 0.08): a bowed note swells slowly. */
  readonly dipRiseWithin?: number;
  /** …and is not one of a vibrato's regular troughs this deep, dB (default 3.5). */
  readonly dipPeriodicDb?: number;
  /**
   * A dip or step is taken for a vibrato trough only when the troughs a cycle before and after it are at
   * least this share of its own depth (default 0: any trough of the fixed depth): a re-bowing that falls
   * twice as deep as the vibrato around it stands out of it.
   */
  readonly periodicShare?: number;
  /**
   * A level dip re-articulates a note only when the level comes back within this many dB of the note's
   * peak so far (default 20): a flutter deep in a release or reverb tail is not a new note.
   */
  readonly dipReturnDb?: number;
}

/** How far below a note's peak (dB) its release tail is: no new note starts down there. */
const TAIL_DB = 40;

const midiOfHz = (hz: number) => 69 + 12 * Math.log2(hz / 440);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The median harmonic phase deviation over voiced frames (0 without one). */
function typicalDeviation(deviation: Float64Array | undefined, midi: readonly number[]): number {
  if (!deviation) return 0;
  const values: number[] = [];
  deviation.forEach((d, i) => {
    if (d > 0 && !Number.isNaN(midi[i])) values.push(d);
  });
  return values.length > 0 ? median(values) : 0;
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
  const riseDb = options.onsetRiseDb ?? 0.5;
  const referenceGap = Math.round((options.pitchReferenceGap ?? 0) / frameSeconds);
  const n = track.times.length;
  const midi = Array.from(track.f0, (f) => (f > 0 ? midiOfHz(f) : Number.NaN));
  const onsetList = onsets.map((t) => Math.round(t / frameSeconds)).sort((a, b) => a - b);
  const onsetFrames = new Set(onsetList);
  // A note boundary found from the pitch lands late (the pitch settles after the attack): move it back to
  // an onset heard up to ~60 ms before (or a frame or two after), never before `floor`.
  const back = Math.max(1, Math.round(0.06 / frameSeconds));
  const snap = (i: number, floor: number): number => {
    let best = i;
    let distance = Infinity;
    for (const o of onsetList) {
      if (o < Math.max(floor, i - back) || o > i + 2) continue;
      if (Math.abs(o - i) < distance) {
        distance = Math.abs(o - i);
        best = o;
      }
    }
    return best;
  };
  // Without an onset, the quietest frame shortly before (a breath, a tongued gap) marks where a note began.
  const reach = Math.max(2, Math.round(0.08 / frameSeconds));
  const level = (j: number) => levels[Math.max(0, Math.min(n - 1, j))] as number;
  const valley = (i: number, floor: number): number => {
    let best = i;
    for (let j = Math.max(floor, i - reach); j < i; j++) if (level(j) < level(best)) best = j;
    let after = -Infinity;
    for (let j = i; j < i + hold; j++) after = Math.max(after, level(j));
    return best < i && after - level(best) >= 3 ? best + 1 : i;
  };
  const dipReturn = options.dipReturnDb ?? 20;
  const dipDb = options.dipDb ?? 7;
  const dipRiseDb = options.dipRiseDb ?? 5;
  const dipPeriodicDb = options.dipPeriodicDb ?? 3.5;
  const periodicShare = options.periodicShare ?? 0;
  const dipRiseFrames = Math.max(reach, Math.round((options.dipRiseWithin ?? 0) / frameSeconds));
  /**
   * A re-articulation without a pitch change: a dip of 7 dB from the note's level, then a rise of 5 dB
   * that comes back within `dipReturnDb` of the note's peak.
   */
  const dipAt = (i: number): boolean => {
    if (i - start < hold * 2) return false;
    for (let j = i - 3; j <= i + 3; j++) if (level(j) < level(i)) return false;
    let before = -Infinity;
    for (let j = i - reach; j < i; j++) before = Math.max(before, level(j));
    let after = -Infinity;
    for (let j = i + 1; j <= i + dipRiseFrames; j++) after = Math.max(after, level(j));
    if (before - level(i) < dipDb || after - level(i) < dipRiseDb) return false;
    if (periodic(i, Math.max(dipPeriodicDb, periodicShare * (before - level(i))))) return false;
    // A flutter in a release or reverb tail far below the note is not a new note: the level must come
    // back within `dipReturnDb` of the loudest the note has been.
    let peak = -Infinity;
    for (let j = start; j < i; j++) peak = Math.max(peak, level(j));
    return peak - after <= dipReturn;
  };
  const deviation = options.deviation;
  const deviationRatio = options.deviationRatio ?? 3;
  const deviationFloor = deviationRatio * typicalDeviation(deviation, midi);
  const localRatio = options.localDeviationRatio ?? Number.POSITIVE_INFINITY;
  const around = Math.round(0.25 / frameSeconds);
  /** The median deviation over the voiced frames within 250 ms of i: the note's own restlessness. */
  const localDeviation = (i: number): number => {
    const values: number[] = [];
    for (let j = Math.max(0, i - around); j <= Math.min(n - 1, i + around); j++) {
      const d = deviation?.[j] ?? 0;
      if (d > 0) values.push(d);
    }
    return values.length > 0 ? median(values) : 0;
  };
  const deviationDip = options.deviationDipDb ?? 2;
  const riseFrames = Math.max(2, Math.round((options.deviationRise ?? 0.3) / frameSeconds));
  const cycle = [Math.round(0.12 / frameSeconds), Math.round(0.32 / frameSeconds)] as const;
  /** A level trough between frames `from` and `to` at least `depth` dB below the level around it. */
  const troughWithin = (from: number, to: number, depth: number): boolean => {
    for (let j = Math.max(1, from); j <= Math.min(n - 2, to); j++) {
      if (level(j) > level(j - 1) || level(j) > level(j + 1)) continue;
      let around = -Infinity;
      for (let k = j - 6; k <= j + 6; k++) around = Math.max(around, level(k));
      if (around - level(j) >= depth) return true;
    }
    return false;
  };
  /**
   * Vibrato (or tremolo), not a new note: each of its troughs dips the level, and bends the harmonics, so
   * a like trough comes a cycle (3–8 Hz) before and after. A re-articulation stands alone.
   */
  const periodic = (i: number, depth: number): boolean =>
    troughWithin(i - cycle[1], i - cycle[0], depth) && troughWithin(i + cycle[0], i + cycle[1], depth);
  /**
   * A re-articulation heard in the harmonics: the phase deviation peaks here, well above its usual value,
   * while the level dips (the old tone stops, the new one starts). Returns the frame the new note starts
   * on (the bottom of the dip), or −1.
   */
  const rearticulatedAt = (i: number): number => {
    if (!deviation || i - start < hold * 2) return -1;
    const value = deviation[i] as number;
    if (!(value >= deviationFloor || (value >= 0.15 && value >= localRatio * localDeviation(i)))) {
      return -1;
    }
    for (let j = i - 3; j <= i + 3; j++) if (j !== i && (deviation[j] ?? 0) > value) return -1;
    let bottom = i;
    for (let j = i - 3; j <= i + 3; j++) if (level(j) < level(bottom)) bottom = j;
    if (bottom - start < hold * 2) return -1;
    let before = -Infinity;
    for (let j = bottom - 4; j < bottom; j++) before = Math.max(before, level(j));
    let after = -Infinity;
    for (let j = bottom + 1; j <= bottom + riseFrames; j++) after = Math.max(after, level(j));
    const depth = Math.min(before, after) - level(bottom);
    return depth >= deviationDip && !periodic(bottom, depth * 0.5) ? bottom : -1;
  };
  const stepDb = options.stepDownDb ?? Number.POSITIVE_INFINITY;
  const stepReach = Math.round((options.stepReach ?? 0.1) / frameSeconds);
  const stepStay = Math.round(0.07 / frameSeconds);
  const swell = Math.round(0.4 / frameSeconds);
  /** The level's fall at i from its highest point in the 100 ms before. */
  const fallAt = (i: number): number => {
    let top = -Infinity;
    for (let j = i - stepReach; j < i; j++) top = Math.max(top, level(j));
    return top - level(i);
  };
  /**
   * A re-bowing (see `stepDownDb`): at the first frame of the low plateau after a fall of `stepDb`,
   * returns the frame where the fall began (the new stroke's start), or −1.
   */
  const steppedDownAt = (i: number): number => {
    if (i - start < hold * 2 || !(fallAt(i) >= stepDb)) return -1;
    // The first frame of the low plateau: from here the level stays within 1.5 dB for 70 ms.
    for (let j = i; j <= i + stepStay; j++) {
      if (Number.isNaN(midi[j]) || Math.abs(level(j) - level(i)) > 1.5) return -1;
    }
    let later = -Infinity;
    for (let j = i + 1; j <= i + swell; j++) later = Math.max(later, level(j));
    if (later - level(i) < 3 || periodic(i, Math.max(stepDb * 0.5, periodicShare * fallAt(i)))) return -1;
    let top = i - 1;
    for (let j = i - stepReach; j < i; j++) if (level(j) >= level(top)) top = j;
    for (let j = top + 1; j < i; j++) if (level(top) - level(j) >= 2) return j;
    return i;
  };
  /**
   * A pitch that wanders deep in a note's release (`TAIL_DB` below its peak, where a decaying string's
   * pitch drifts) is not a new note.
   */
  const inTail = (i: number): boolean => {
    let peak = -Infinity;
    for (let j = start; j < i; j++) peak = Math.max(peak, level(j));
    let ahead = -Infinity;
    for (let j = i; j < i + hold; j++) ahead = Math.max(ahead, level(j));
    return peak - ahead > TAIL_DB;
  };
  const notes: PerformedNote[] = [];
  let start = -1;
  let cue: NoteStartCue = 'voicing';
  let lastEnd = 0;
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
        onset: Math.max(0, (track.times[start] as number) - frameSeconds / 2),
        offset: (track.times[end - 1] as number) + frameSeconds / 2,
        midi: Math.round(pitch),
        pitch,
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
        cue,
      });
    }
    start = -1;
    lastEnd = end;
  };
  for (let i = 0; i < n; i++) {
    const m = midi[i] as number;
    if (Number.isNaN(m)) {
      close(i);
      continue;
    }
    if (start < 0) {
      start = snap(i, lastEnd);
      cue = start === i ? 'voicing' : 'onset';
      continue;
    }
    // A new note: the pitch has settled `jump` away from this note's pitch so far, for `hold` frames.
    const sofar = midi.slice(start, Math.max(start + 1, i - referenceGap)).filter((x) => !Number.isNaN(x));
    const current = median(sofar.slice(-Math.max(hold * 3, 8)));
    const ahead = midi.slice(i, i + hold);
    const settled =
      ahead.length === hold &&
      ahead.every((x) => !Number.isNaN(x) && Math.abs(x - current) >= jump) &&
      Math.abs(median(ahead) - current) >= jump &&
      !inTail(i);
    // A re-articulation: an onset here, and the level rises after a dip.
    const struck =
      onsetFrames.has(i) &&
      i - start >= hold &&
      (levels[Math.min(n - 1, i + 2)] as number) -
        Math.min(...Array.from(levels.slice(Math.max(start, i - 3), i + 1))) >=
        riseDb;
    const dipped = !settled && !struck && dipAt(i);
    const rebowed = settled || struck || dipped ? -1 : steppedDownAt(i);
    if (rebowed > start + 2) {
      close(rebowed);
      start = rebowed;
      cue = 'step';
      continue;
    }
    const again = settled || struck || dipped ? -1 : rearticulatedAt(i);
    if (again > start + 2 && again <= i + 3) {
      close(again);
      start = again;
      cue = 'harmonics';
      continue;
    }
    if (settled || struck || dipped) {
      const snapped = settled ? snap(i, start + 2) : i;
      // An onset heard right where the pitch settles is the attack itself: the note starts there, not at
      // the quietest frame of the old note's decay before it (a piano's fading note has no real valley).
      const heard = snapped !== i || onsetFrames.has(i);
      const boundary = settled
        ? Math.max(start + 2, heard ? snapped : valley(i, start + 2))
        : dipped
          ? i + 1
          : i;
      close(boundary);
      start = boundary;
      cue = settled
        ? snapped !== i
          ? 'onset'
          : boundary !== i
            ? 'level'
            : 'pitch'
        : dipped
          ? 'level'
          : 'onset';
    }
  }
  close(n);
  return notes;
}
