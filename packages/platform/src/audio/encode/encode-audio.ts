import { encodeWav, type PcmAudio } from '../wav.js';
import { encodeAacM4a } from './aac-encode.js';
import { AudioEncodeError } from './encode-error.js';
import { encodeFlac } from './flac-encode.js';
import { encodeMp3, encodeOggVorbis } from './lame-vorbis-encode.js';
import { resolveAudioQuality, type AudioEncodeFormat } from './quality-presets.js';

/** An encoded file: its bytes, media type and file extension (without the dot). */
export interface EncodedAudio {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly extension: string;
}

export interface EncodeAudioOptions {
  readonly format: AudioEncodeFormat;
  /** A name from AUDIO_QUALITY_PRESETS[format]; default `high`. */
  readonly quality?: string;
  /** Cancels an AAC encode (ffmpeg); the in-process encoders yield to the event loop and finish. */
  readonly signal?: AbortSignal;
}

/** Media type and extension of each format. */
export const AUDIO_FILE_TYPES: Readonly<Record<AudioEncodeFormat, { mediaType: string; extension: string }>> =
  {
    wav: { mediaType: 'audio/wav', extension: 'wav' },
    mp3: { mediaType: 'audio/mpeg', extension: 'mp3' },
    flac: { mediaType: 'audio/flac', extension: 'flac' },
    ogg: { mediaType: 'audio/ogg', extension: 'ogg' },
    aac: { mediaType: 'audio/mp4', extension: 'm4a' },
  };

const MAX_SAMPLE_RATE = 384_000;

function checkAudio(audio: PcmAudio): void {
  const rate = audio.sampleRate;
  if (!Number.isInteger(rate) || rate < 1000 || rate > MAX_SAMPLE_RATE)
    throw new AudioEncodeError(
      'invalid-audio',
      `sample rate ${rate} Hz is not a whole number from 1000 to ${MAX_SAMPLE_RATE}`,
    );
  if (audio.channels.length === 0) throw new AudioEncodeError('invalid-audio', 'the audio has no channels');
  const frames = audio.channels[0]?.length ?? 0;
  if (audio.channels.some((channel) => channel.length !== frames))
    throw new AudioEncodeError('invalid-audio', 'the channels have different lengths');
}

/**
 * Encodes PCM audio with one of the spec's quality presets (AUDIO_QUALITY_PRESETS). WAV, MP3, FLAC
 * and Ogg Vorbis are encoded in process (wasm); AAC through ffmpeg into an M4A. Channel count and
 * sample rate are kept (MP3 at a rate MPEG-1 lacks is resampled to 44.1/48 kHz by LAME).
 * Throws AudioEncodeError: `bad-quality` lists the valid names.
 */
export async function encodeAudio(audio: PcmAudio, options: EncodeAudioOptions): Promise<EncodedAudio> {
  const { format } = options;
  const type = AUDIO_FILE_TYPES[format];
  if (!(type as typeof type | undefined))
    throw new AudioEncodeError(
      'unsupported',
      `'${String(format)}' is not an audio format: use wav, mp3, flac, ogg or aac`,
    );
  checkAudio(audio);
  const bytes = await encodeBytes(audio, options);
  return { bytes, ...type };
}

function encodeBytes(audio: PcmAudio, options: EncodeAudioOptions): Promise<Uint8Array> {
  switch (options.format) {
    case 'wav':
      return Promise.resolve(encodeWav(audio, resolveAudioQuality('wav', options.quality)));
    case 'mp3':
      return encodeMp3(audio, resolveAudioQuality('mp3', options.quality).kbps);
    case 'flac':
      return encodeFlac(audio, resolveAudioQuality('flac', options.quality).compression);
    case 'ogg':
      return encodeOggVorbis(audio, resolveAudioQuality('ogg', options.quality).vorbisQuality);
    case 'aac': {
      const { kbps } = resolveAudioQuality('aac', options.quality);
      return encodeAacM4a(audio, { kbps, ...(options.signal ? { signal: options.signal } : {}) });
    }
  }
}
