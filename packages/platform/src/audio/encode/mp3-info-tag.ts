import { parseMpegFrameHeader, walkMpegStream } from '../decode/mpeg-frames.js';

/**
 * LAME's encoder delay in samples: the silence it puts before the first input sample (its MDCT look-ahead,
 * measured for the wasm build we use: a burst at sample 22050 decodes 576 + 529 samples late untrimmed).
 */
export const LAME_ENCODER_DELAY = 576;

/** CRC-16 as LAME computes its tag CRCs (polynomial 0x8005, reflected: 0xA001, initial 0). */
function crc16(bytes: Uint8Array, initial = 0): number {
  let crc = initial;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * Prepends a Xing "Info" frame with a LAME extension to a CBR MP3 from LAME, recording the encoder delay
 * and the end padding, so decoders that play gapless (mpg123, ffmpeg, browsers) return exactly the
 * `samples` that went in, at their original timing, instead of ~25 ms late and a frame too long. The
 * wasm LAME we use streams its frames and never writes this tag itself.
 *
 * `samples` counts samples per channel at the MP3's own rate. Returns the bytes unchanged when there are
 * no frames, or when the delay and padding would not fit the tag's 12-bit fields.
 */
export function withGaplessInfoFrame(mp3: Uint8Array, samples: number): Uint8Array {
  const first = parseMpegFrameHeader(mp3, 0);
  const stream = walkMpegStream(mp3, 0);
  if (!first || !stream || stream.frames === 0 || first.samplesPerFrame !== 1152) return mp3;
  const padding = stream.frames * first.samplesPerFrame - LAME_ENCODER_DELAY - samples;
  if (padding < 0 || padding > 0xfff) return mp3;

  // The Info frame copies the first frame's header (rate, bitrate, channel mode), without CRC or padding bit.
  const header = Uint8Array.of(0xff, (mp3[1] ?? 0) | 0x01, (mp3[2] ?? 0) & ~0x02, (mp3[3] ?? 0) & 0xf0);
  const length = parseMpegFrameHeader(header, 0)?.length ?? 0;
  const sideInfo = first.channels === 1 ? 17 : 32;
  const xing = 4 + sideInfo;
  const lame = xing + 8 + 4 + 4 + 100 + 4;
  if (length < lame + 36) return mp3;

  const frame = new Uint8Array(length);
  const view = new DataView(frame.buffer);
  frame.set(header, 0);
  frame.set(
    [...'Info'].map((c) => c.charCodeAt(0)),
    xing,
  );
  view.setUint32(xing + 4, 0x0f); // frames, bytes, TOC and quality fields present
  view.setUint32(xing + 8, stream.frames); // audio frames, the Info frame not counted
  view.setUint32(xing + 12, mp3.length + length); // the whole stream, Info frame included
  // A linear seek table: in a CBR file byte position is proportional to time.
  for (let i = 0; i < 100; i++) frame[xing + 16 + i] = Math.floor((i * 256) / 100);
  view.setUint32(xing + 116, 0); // quality indicator: unknown

  // The LAME extension: version, then (21 bytes in) delay and padding in 12 bits each.
  frame.set(
    [...'LAME3.100'].map((c) => c.charCodeAt(0)),
    lame,
  );
  frame[lame + 9] = 0x01; // tag revision 0, VBR method 1: constant bitrate
  frame[lame + 20] = Math.min(255, first.bitrateKbps);
  frame[lame + 21] = LAME_ENCODER_DELAY >> 4;
  frame[lame + 22] = ((LAME_ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  frame[lame + 23] = padding & 0xff;
  view.setUint32(lame + 28, mp3.length + length); // music length: bytes from the Info frame to the last frame
  view.setUint16(lame + 32, crc16(mp3)); // CRC of the audio frames
  view.setUint16(lame + 34, crc16(frame.subarray(0, lame + 34))); // CRC of the tag frame so far

  const out = new Uint8Array(length + mp3.length);
  out.set(frame, 0);
  out.set(mp3, length);
  return out;
}
