/**
 * PCM WAV encoding (RIFF, 16- or 24-bit little-endian integer, interleaved). Float samples are clamped
 * to [-1, 1].
 */
export interface PcmAudio {
  /** Samples per second, e.g. 44100. */
  readonly sampleRate: number;
  /** One Float32Array per channel, all the same length, values in [-1, 1]. */
  readonly channels: readonly Float32Array[];
}

export interface WavEncodeOptions {
  /** Bits per sample: 16 (CD) or 24 (studio). */
  readonly bitDepth: 16 | 24;
}

/** Encodes planar float PCM as a WAV file; 16-bit is plain PCM, 24-bit uses WAVE_FORMAT_EXTENSIBLE. */
export function encodeWav(audio: PcmAudio, options: WavEncodeOptions): Uint8Array {
  const bytesPerSample = options.bitDepth / 8;
  const channelCount = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const blockAlign = channelCount * bytesPerSample;
  const dataBytes = frames * blockAlign;
  // Over 16 bits the format chunk is WAVE_FORMAT_EXTENSIBLE (40 bytes), as Microsoft's spec asks.
  const extensible = options.bitDepth > 16;
  const fmtBytes = extensible ? 40 : 16;
  const headerBytes = 12 + 8 + fmtBytes + 8;
  const out = new Uint8Array(headerBytes + dataBytes + (dataBytes & 1));
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtBytes, true);
  view.setUint16(20, extensible ? 0xfffe : 1, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, options.bitDepth, true);
  if (extensible) {
    view.setUint16(36, 22, true); // extension size
    view.setUint16(38, options.bitDepth, true); // valid bits
    view.setUint32(40, channelCount === 1 ? 0x4 : channelCount === 2 ? 0x3 : 0, true); // speaker mask
    // KSDATAFORMAT_SUBTYPE_PCM: 00000001-0000-0010-8000-00aa00389b71
    out.set([1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 44);
  }
  const dataStart = 20 + fmtBytes;
  ascii(dataStart, 'data');
  view.setUint32(dataStart + 4, dataBytes, true);
  const full = bytesPerSample === 2 ? 0x7fff : 0x7fffff;
  let offset = headerBytes;
  for (let i = 0; i < frames; i++) {
    for (const channel of audio.channels) {
      const s = Math.max(-1, Math.min(1, channel[i] ?? 0));
      const value = Math.round(s < 0 ? s * (full + 1) : s * full);
      if (bytesPerSample === 2) view.setInt16(offset, value, true);
      else {
        out[offset] = value & 0xff;
        out[offset + 1] = (value >> 8) & 0xff;
        out[offset + 2] = (value >> 16) & 0xff;
      }
      offset += bytesPerSample;
    }
  }
  return out;
}

/** 16-bit WAV; kept for existing callers (same as `encodeWav(audio, { bitDepth: 16 })`). */
export function encodeWav16(audio: PcmAudio): Uint8Array {
  return encodeWav(audio, { bitDepth: 16 });
}
