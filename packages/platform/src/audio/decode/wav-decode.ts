import type { PcmAudio } from '../wav.js';
import { AudioDecodeError } from './decode-error.js';

/** The parts of a WAV header that decide how to read its samples. */
export interface WavLayout {
  /** 1 PCM, 3 IEEE float (WAVE_FORMAT_EXTENSIBLE resolved to its sub-format); others need ffmpeg. */
  readonly formatTag: number;
  readonly sampleRate: number;
  readonly channels: number;
  /** Bytes per sample of one channel (the container: 20-bit audio sits in 3 bytes). */
  readonly bytesPerSample: number;
  readonly dataOffset: number;
  /** Whole frames present (bytes actually in the file). */
  readonly frames: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** Recorders that stream write these data sizes before they know the real one. */
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

const id = (bytes: Uint8Array, offset: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));
const corrupt = (why: string): AudioDecodeError => new AudioDecodeError('corrupt', `the WAV file is ${why}`);

/** Reads the RIFF chunks; throws AudioDecodeError for a damaged or truncated header or data chunk. */
export function readWavLayout(bytes: Uint8Array): WavLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavLayout, 'dataOffset' | 'frames'> | undefined;
  let data: { offset: number; declared: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length && !(fmt && data)) {
    const chunk = id(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (chunk === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw corrupt('damaged: its format chunk is too short');
      let formatTag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
        if (size < 40 || body + 26 > bytes.length)
          throw corrupt('damaged: its extensible format chunk is too short');
        formatTag = view.getUint16(body + 24, true); // first two bytes of the sub-format GUID
      }
      if (channels === 0 || sampleRate === 0 || blockAlign === 0 || blockAlign % channels !== 0)
        throw corrupt(
          `damaged: ${channels} channels, ${sampleRate} Hz, ${blockAlign}-byte frames make no sense`,
        );
      fmt = { formatTag, sampleRate, channels, bytesPerSample: blockAlign / channels };
    } else if (chunk === 'data') {
      data = { offset: body, declared: size };
      // Past a data chunk of unknown or impossible size there is nothing more to find.
      if (UNKNOWN_SIZES.has(size) || body + size > bytes.length) break;
    }
    offset = body + size + (size & 1);
  }
  if (!fmt) throw corrupt('damaged: it has no format chunk');
  if (!data) throw corrupt('truncated or damaged: it has no audio data chunk');
  const blockAlign = fmt.bytesPerSample * fmt.channels;
  const present = bytes.length - data.offset;
  let dataBytes = data.declared;
  if (UNKNOWN_SIZES.has(data.declared) && present > 0) dataBytes = present;
  else if (data.declared > present) {
    const seconds = (bytes: number): string => (bytes / blockAlign / fmt.sampleRate).toFixed(2);
    throw corrupt(
      `truncated: its header promises ${seconds(data.declared)} s of audio but only ${seconds(present)} s are present`,
    );
  }
  return { ...fmt, dataOffset: data.offset, frames: Math.floor(dataBytes / blockAlign) };
}

type SampleReader = (view: DataView, offset: number) => number;

function sampleReader(formatTag: number, bytesPerSample: number): SampleReader | undefined {
  if (formatTag === WAVE_FORMAT_FLOAT) {
    if (bytesPerSample === 4) return (v, o) => v.getFloat32(o, true);
    if (bytesPerSample === 8) return (v, o) => v.getFloat64(o, true);
    return undefined;
  }
  if (formatTag !== WAVE_FORMAT_PCM) return undefined;
  switch (bytesPerSample) {
    case 1:
      return (v, o) => (v.getUint8(o) - 128) / 128;
    case 2:
      return (v, o) => v.getInt16(o, true) / 0x8000;
    case 3:
      return (v, o) => ((v.getInt8(o + 2) << 16) | (v.getUint8(o + 1) << 8) | v.getUint8(o)) / 0x800000;
    case 4:
      return (v, o) => v.getInt32(o, true) / 0x80000000;
    default:
      return undefined;
  }
}

/** True when our own reader handles this layout (PCM 8/16/24/32-bit, float 32/64-bit). */
export function isOwnWavEncoding(layout: WavLayout): boolean {
  return sampleReader(layout.formatTag, layout.bytesPerSample) !== undefined;
}

/** Decodes PCM/float samples of a WAV whose layout `isOwnWavEncoding` accepts; non-finite floats become 0. */
export function decodeWavSamples(bytes: Uint8Array, layout: WavLayout): PcmAudio {
  const read = sampleReader(layout.formatTag, layout.bytesPerSample);
  if (!read)
    throw new AudioDecodeError(
      'unsupported',
      `the WAV file uses format ${layout.formatTag} at ${layout.bytesPerSample * 8} bits, which Cadenza cannot read`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channels = Array.from({ length: layout.channels }, () => new Float32Array(layout.frames));
  const stride = layout.bytesPerSample * layout.channels;
  for (let c = 0; c < layout.channels; c++) {
    const out = channels[c] ?? new Float32Array(0);
    let offset = layout.dataOffset + c * layout.bytesPerSample;
    for (let i = 0; i < layout.frames; i++, offset += stride) {
      const value = read(view, offset);
      out[i] = Number.isFinite(value) ? value : 0;
    }
  }
  return { sampleRate: layout.sampleRate, channels };
}
