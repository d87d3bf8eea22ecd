import { AudioEncodeError } from './encode-error.js';

/** Audio formats Cadenza writes (AAC in an M4A container). */
export type AudioEncodeFormat = 'wav' | 'mp3' | 'flac' | 'ogg' | 'aac';

/** What each preset sets, per format. */
export interface AudioEncodeSettings {
  readonly wav: { readonly bitDepth: 16 | 24 };
  /** Constant bitrate in kbit/s. */
  readonly mp3: { readonly kbps: 128 | 192 | 320 };
  /** libFLAC compression level (lossless at every level: only size and speed differ). */
  readonly flac: { readonly compression: 0 | 5 | 8 };
  /** Vorbis VBR quality (-1…10). */
  readonly ogg: { readonly vorbisQuality: 3 | 5 | 8 };
  /** Target bitrate in kbit/s of ffmpeg's native AAC encoder. */
  readonly aac: { readonly kbps: 128 | 192 | 256 };
}

/** Quality name → settings, per format. */
export type AudioQualityPresets = {
  readonly [F in AudioEncodeFormat]: Readonly<Record<string, AudioEncodeSettings[F]>>;
};

/**
 * The spec's quality presets. Every format accepts `low`, `medium` and `high` (so one `quality`
 * parameter works across formats) and also its own setting's name:
 *
 * | format | low | medium | high | own names |
 * |---|---|---|---|---|
 * | wav  | 16-bit | 16-bit | 24-bit | `16`, `24` |
 * | mp3  | 128k CBR | 192k CBR | 320k CBR | `128k`, `192k`, `320k` |
 * | flac | level 0 | level 5 | level 8 | `0`, `5`, `8` |
 * | ogg  | q3 | q5 | q8 | `3`, `5`, `8` |
 * | aac  | 128k | 192k | 256k | `128k`, `192k`, `256k` |
 *
 * The default is `high` for every format (WAV: 24-bit).
 */
export const AUDIO_QUALITY_PRESETS: AudioQualityPresets = {
  wav: {
    low: { bitDepth: 16 },
    medium: { bitDepth: 16 },
    high: { bitDepth: 24 },
    16: { bitDepth: 16 },
    24: { bitDepth: 24 },
  },
  mp3: {
    low: { kbps: 128 },
    medium: { kbps: 192 },
    high: { kbps: 320 },
    '128k': { kbps: 128 },
    '192k': { kbps: 192 },
    '320k': { kbps: 320 },
  },
  flac: {
    low: { compression: 0 },
    medium: { compression: 5 },
    high: { compression: 8 },
    0: { compression: 0 },
    5: { compression: 5 },
    8: { compression: 8 },
  },
  ogg: {
    low: { vorbisQuality: 3 },
    medium: { vorbisQuality: 5 },
    high: { vorbisQuality: 8 },
    3: { vorbisQuality: 3 },
    5: { vorbisQuality: 5 },
    8: { vorbisQuality: 8 },
  },
  aac: {
    low: { kbps: 128 },
    medium: { kbps: 192 },
    high: { kbps: 256 },
    '128k': { kbps: 128 },
    '192k': { kbps: 192 },
    '256k': { kbps: 256 },
  },
};

/** The quality used when none is given. */
export const DEFAULT_AUDIO_QUALITY = 'high';

const FORMAT_NAMES: Readonly<Record<AudioEncodeFormat, string>> = {
  wav: 'WAV',
  mp3: 'MP3',
  flac: 'FLAC',
  ogg: 'Ogg Vorbis',
  aac: 'AAC',
};

/** The quality names a format accepts, in table order (`low`, `medium`, `high`, then its own). */
export function audioQualityNames(format: AudioEncodeFormat): readonly string[] {
  return Object.keys(AUDIO_QUALITY_PRESETS[format]).sort((a, b) => rank(a) - rank(b));
}

const LEVELS = ['low', 'medium', 'high'];
// Integer-like keys ('16', '0') enumerate first in JS objects; put the shared names first for messages.
const rank = (name: string): number =>
  LEVELS.includes(name) ? LEVELS.indexOf(name) : 3 + parseFloat(name) / 1000;

/** The settings for `quality` (default `high`); AudioEncodeError('bad-quality') names the valid ones. */
export function resolveAudioQuality<F extends AudioEncodeFormat>(
  format: F,
  quality?: string,
): AudioEncodeSettings[F] {
  const name = quality ?? DEFAULT_AUDIO_QUALITY;
  const presets = AUDIO_QUALITY_PRESETS[format];
  const settings = Object.hasOwn(presets, name) ? presets[name] : undefined;
  if (settings) return settings;
  const names = audioQualityNames(format);
  throw new AudioEncodeError(
    'bad-quality',
    `'${name}' is not a quality for ${FORMAT_NAMES[format]}: use ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`,
  );
}
