/** Loudness normalisation and tail trimming of planar float audio, in place where it can be. */

export interface LevelTargets {
  /** Highest sample level, dBFS. */
  readonly peakDb: number;
  /** Gated RMS target, dBFS. */
  readonly loudnessDb: number;
}

const dbToGain = (db: number): number => 10 ** (db / 20);

/** Sample peak over all channels (absolute value). */
export function peakOf(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const ch of channels) {
    for (let i = 0; i < ch.length; i++) {
      const a = Math.abs(ch[i]!);
      if (a > peak) peak = a;
    }
  }
  return peak;
}

/**
 * Gated RMS: 400 ms blocks every 100 ms, mean square over the channels; blocks below -70 dBFS are
 * dropped, then blocks more than 10 dB below the mean of the rest (EBU R 128's gates, without its
 * K-weighting filter). So silences and fading tails do not make quiet music look quieter than it is.
 * Returns 0 for silence.
 */
export function gatedRms(channels: readonly Float32Array[], sampleRate: number): number {
  const length = channels[0]?.length ?? 0;
  const hop = Math.max(1, Math.round(0.1 * sampleRate));
  const block = 4 * hop;
  // Sum of squares per 100 ms hop, once; a 400 ms block is four of them (each sample read once).
  const hops = new Float64Array(Math.ceil(length / hop));
  for (const ch of channels) {
    for (let h = 0; h < hops.length; h++) {
      let sum = 0;
      for (let i = h * hop, end = Math.min(length, i + hop); i < end; i++) sum += ch[i]! * ch[i]!;
      hops[h] = hops[h]! + sum;
    }
  }
  const powers: number[] = [];
  if (length < block) {
    powers.push(hops.reduce((a, p) => a + p, 0) / (Math.max(1, length) * channels.length));
  } else {
    for (let h = 0; h * hop + block <= length; h++) {
      powers.push((hops[h]! + hops[h + 1]! + hops[h + 2]! + hops[h + 3]!) / (block * channels.length));
    }
  }
  const absolute = powers.filter((p) => p > dbToGain(-70) ** 2);
  if (absolute.length === 0) return 0;
  const mean = absolute.reduce((a, p) => a + p, 0) / absolute.length;
  const gated = absolute.filter((p) => p >= mean * 0.1);
  return Math.sqrt(gated.reduce((a, p) => a + p, 0) / gated.length);
}

/**
 * Scales the audio to the loudness target unless a sample would then exceed the peak target; the
 * peak wins. Returns the gain applied. After this no |sample| is above the peak target.
 */
export function normalizeLevels(
  channels: readonly Float32Array[],
  sampleRate: number,
  targets: LevelTargets,
): number {
  const peak = peakOf(channels);
  if (peak === 0) return 1;
  const rms = gatedRms(channels, sampleRate);
  const peakLimit = dbToGain(targets.peakDb) / peak;
  const loudnessGain = rms > 0 ? dbToGain(targets.loudnessDb) / rms : peakLimit;
  // A hair under the limit, so float32 rounding can never land a sample above the target.
  const gain = Math.min(loudnessGain, peakLimit * (1 - 1e-6));
  for (const ch of channels) for (let i = 0; i < ch.length; i++) ch[i]! *= gain;
  return gain;
}

/** Below this a sample is silence (-90 dBFS, under a 16-bit file's last bit). */
const SILENCE = dbToGain(-90);
const FADE_SECONDS = 0.05;

/**
 * Cuts trailing silence (views, not copies): the result ends 10 ms after the last audible sample, but never before
 * `minFrames` (the end of the music) nor after `maxFrames`. If sound is still ringing at the cut, the
 * last 50 ms fade out so the file does not end on a click.
 */
export function trimTail(
  channels: readonly Float32Array[],
  sampleRate: number,
  minFrames: number,
  maxFrames: number,
): Float32Array[] {
  const length = channels[0]?.length ?? 0;
  let last = -1;
  for (const ch of channels) {
    for (let i = length - 1; i > last; i--) {
      if (Math.abs(ch[i] ?? 0) > SILENCE) {
        last = i;
        break;
      }
    }
  }
  const audibleEnd = last < 0 ? 0 : last + 1 + Math.round(0.01 * sampleRate);
  const end = Math.min(length, maxFrames, Math.max(minFrames, audibleEnd));
  const out = channels.map((ch) => ch.subarray(0, end));
  if (audibleEnd > end) {
    const fade = Math.min(end, Math.round(FADE_SECONDS * sampleRate));
    for (const ch of out)
      for (let i = 0; i < fade; i++) ch[end - 1 - i] = (ch[end - 1 - i] ?? 0) * (i / fade);
  }
  return out;
}
