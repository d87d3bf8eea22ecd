/** Header fields read before decoding: they give duration (for `maxSeconds`) and the sample count to expect. */

export interface FlacStreamInfo {
  readonly sampleRate: number;
  readonly channels: number;
  /** Samples per channel; 0 when the encoder did not know. */
  readonly totalSamples: number;
}

/** STREAMINFO, the mandatory first metadata block after 'fLaC' at `offset`. */
export function readFlacStreamInfo(bytes: Uint8Array, offset: number): FlacStreamInfo | undefined {
  const block = offset + 4;
  if (bytes.length < block + 4 + 18 || ((bytes[block] ?? 0) & 0x7f) !== 0) return undefined;
  const info = block + 4;
  const b = (i: number): number => bytes[info + i] ?? 0;
  const sampleRate = (b(10) << 12) | (b(11) << 4) | (b(12) >> 4);
  const channels = ((b(12) >> 1) & 7) + 1;
  const totalSamples =
    (b(13) & 0x0f) * 2 ** 32 + ((b(14) << 24) >>> 0) + ((b(15) << 16) | (b(16) << 8) | b(17));
  return { sampleRate, channels, totalSamples };
}

export interface OggCodecHeader {
  readonly sampleRate: number;
  readonly channels: number;
  /** Samples to drop at the start (Opus pre-skip; 0 for Vorbis). */
  readonly preSkip: number;
}

/** The identification header in the first packet of an Ogg Vorbis or Opus file. */
export function readOggCodecHeader(bytes: Uint8Array, codec: 'vorbis' | 'opus'): OggCodecHeader | undefined {
  const body = 27 + (bytes[26] ?? 0);
  if (bytes.length < body + 19) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (codec === 'vorbis')
    return { channels: bytes[body + 11] ?? 0, sampleRate: view.getUint32(body + 12, true), preSkip: 0 };
  // Opus always decodes at 48 kHz whatever input rate the header records.
  return { channels: bytes[body + 9] ?? 0, sampleRate: 48_000, preSkip: view.getUint16(body + 10, true) };
}
