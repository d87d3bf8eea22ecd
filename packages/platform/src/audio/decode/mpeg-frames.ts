/** MPEG audio (MP1/MP2/MP3) frame headers: enough to find frames, count them and spot truncation. */

export interface MpegFrameHeader {
  readonly sampleRate: number;
  readonly channels: 1 | 2;
  /** Bytes in the whole frame, header included. */
  readonly length: number;
  readonly samplesPerFrame: number;
  readonly bitrateKbps: number;
}

// Bitrates in kbps by [MPEG-1?][layer 1..3][index]; index 0 (free format) and 15 are invalid here.
const BITRATES_V1 = [
  [],
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
] as const;
const BITRATES_V2 = [
  [],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
] as const;
const SAMPLE_RATES_V1 = [44100, 48000, 32000] as const;

/** Parses the 4-byte frame header at `offset`, or undefined when it is not a valid one. */
export function parseMpegFrameHeader(bytes: Uint8Array, offset: number): MpegFrameHeader | undefined {
  if (offset + 4 > bytes.length) return undefined;
  const b1 = bytes[offset + 1] ?? 0;
  const b2 = bytes[offset + 2] ?? 0;
  const b3 = bytes[offset + 3] ?? 0;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 3; // 0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1
  const layer = 4 - ((b1 >> 1) & 3); // 1..3; 4 means reserved
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return undefined;
  const mpeg1 = versionBits === 3;
  const bitrateKbps = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[layer]?.[bitrateIndex] ?? 0;
  const baseRate = SAMPLE_RATES_V1[rateIndex] ?? 0;
  const sampleRate = mpeg1 ? baseRate : versionBits === 2 ? baseRate / 2 : baseRate / 4;
  const padding = (b2 >> 1) & 1;
  const samplesPerFrame = layer === 1 ? 384 : layer === 3 && !mpeg1 ? 576 : 1152;
  const length =
    layer === 1
      ? (Math.floor((12_000 * bitrateKbps) / sampleRate) + padding) * 4
      : Math.floor(((samplesPerFrame / 8) * 1000 * bitrateKbps) / sampleRate) + padding;
  return { sampleRate, channels: b3 >> 6 === 3 ? 1 : 2, length, samplesPerFrame, bitrateKbps };
}

/**
 * Finds the first offset at or after `start` (searching `window` bytes) where `needed` consecutive valid
 * frames with the same sample rate follow each other: a lone 0xFFE sync in random bytes does not count.
 */
export function findMpegFrames(
  bytes: Uint8Array,
  start: number,
  needed: number,
  window = 65_536,
): number | undefined {
  const end = Math.min(bytes.length, start + window);
  for (let offset = start; offset < end; offset++) {
    if (bytes[offset] !== 0xff) continue;
    const first = parseMpegFrameHeader(bytes, offset);
    if (!first) continue;
    let next = offset + first.length;
    let count = 1;
    while (count < needed) {
      const header = parseMpegFrameHeader(bytes, next);
      if (!header || header.sampleRate !== first.sampleRate) break;
      next += header.length;
      count++;
    }
    // A file shorter than `needed` frames counts when its frames end exactly at the end of the bytes.
    if (count >= needed || (next === bytes.length && count > 0)) return offset;
  }
  return undefined;
}

/**
 * Gapless trimming from a LAME extension: the encoder delay (silence the encoder put before the first
 * input sample) and the padding after the last one, in samples. Decoders that play gapless drop the delay
 * plus their own synthesis delay (529 samples for layer III) at the start and the padding at the end.
 */
export interface MpegGapless {
  readonly encoderDelay: number;
  readonly padding: number;
}

/** What a Xing/Info or VBRI header in the first frame says, if it has one. */
interface MpegTag {
  readonly frames: number | undefined;
  readonly gapless: MpegGapless | undefined;
}

/** Xing flags: which optional fields follow the flags word (frames 4 bytes, bytes 4, TOC 100, quality 4). */
const XING_FIELDS = [
  [1, 4],
  [2, 4],
  [4, 100],
  [8, 4],
] as const;

/**
 * The LAME extension after the Xing/Info fields: a 9-byte encoder version ("LAME3.100", "Lavc59.37"…),
 * revision/VBR method, lowpass, replay gain (8 bytes), encoding flags/ATH, bitrate, then 3 bytes holding
 * the delay (12 bits) and the padding (12 bits). Recognised by a version that starts with 4 letters.
 */
function readLameGapless(bytes: Uint8Array, lame: number, frameEnd: number): MpegGapless | undefined {
  if (lame + 24 > Math.min(frameEnd, bytes.length)) return undefined;
  const isLetter = (byte: number | undefined): boolean =>
    byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
  if (![0, 1, 2, 3].every((i) => isLetter(bytes[lame + i]))) return undefined;
  const b0 = bytes[lame + 21] ?? 0;
  const b1 = bytes[lame + 22] ?? 0;
  const b2 = bytes[lame + 23] ?? 0;
  return { encoderDelay: (b0 << 4) | (b1 >> 4), padding: ((b1 & 0x0f) << 8) | b2 };
}

/** The Xing/Info (with its LAME extension) or VBRI header in the first frame, if it has one. */
function readMpegTag(bytes: Uint8Array, offset: number, header: MpegFrameHeader): MpegTag | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mpeg1 = header.sampleRate >= 32000; // MPEG-1 rates are 32, 44.1 and 48 kHz
  const sideInfo = mpeg1 ? (header.channels === 1 ? 17 : 32) : header.channels === 1 ? 9 : 17;
  const xing = offset + 4 + sideInfo;
  const tag = String.fromCharCode(...bytes.subarray(xing, xing + 4));
  if ((tag === 'Xing' || tag === 'Info') && xing + 8 <= bytes.length) {
    const flags = view.getUint32(xing + 4);
    let field = xing + 8;
    let frames: number | undefined;
    for (const [flag, size] of XING_FIELDS) {
      if ((flags & flag) === 0) continue;
      if (flag === 1 && field + 4 <= bytes.length) frames = view.getUint32(field);
      field += size;
    }
    return { frames, gapless: readLameGapless(bytes, field, offset + header.length) };
  }
  const vbri = offset + 36;
  if (String.fromCharCode(...bytes.subarray(vbri, vbri + 4)) === 'VBRI' && vbri + 18 <= bytes.length)
    return { frames: view.getUint32(vbri + 14), gapless: undefined };
  return undefined;
}

export interface MpegStreamInfo {
  readonly sampleRate: number;
  readonly channels: 1 | 2;
  /** Audio frames found by walking the stream (an Xing/Info frame itself is not audio but is counted). */
  readonly frames: number;
  /** Frames the Xing/Info/VBRI header promises, when there is one. */
  readonly taggedFrames: number | undefined;
  /** Encoder delay and padding from a LAME extension (mpg123 trims them itself: gapless playback). */
  readonly gapless: MpegGapless | undefined;
  /** Seconds, from the tag when present (less the gapless delay and padding), else from the frames walked. */
  readonly seconds: number;
  /** The last frame is cut off, or fewer frames are present than the tag promises. */
  readonly truncated: boolean;
}

const TRAILING_TAGS = ['TAG', 'APETAGEX', 'LYRICS', '3DI'];

/** Walks every frame from `offset` (resyncing over junk); cheap: it reads 4 bytes a frame. */
export function walkMpegStream(bytes: Uint8Array, offset: number): MpegStreamInfo | undefined {
  const first = parseMpegFrameHeader(bytes, offset);
  if (!first) return undefined;
  const tag = readMpegTag(bytes, offset, first);
  const taggedFrames = tag?.frames;
  const gapless = tag?.gapless;
  let frames = 0;
  let position = offset;
  let cutOff = false;
  while (position < bytes.length) {
    const header = parseMpegFrameHeader(bytes, position);
    if (header && header.sampleRate === first.sampleRate) {
      if (position + header.length > bytes.length) {
        cutOff = true;
        break;
      }
      frames++;
      position += header.length;
      continue;
    }
    const rest = String.fromCharCode(...bytes.subarray(position, position + 8));
    if (TRAILING_TAGS.some((tag) => rest.startsWith(tag))) break;
    const next = findMpegFrames(bytes, position + 1, 2, bytes.length);
    if (next === undefined) break;
    position = next;
  }
  const audioFrames = taggedFrames ?? frames;
  const samples = audioFrames * first.samplesPerFrame;
  const trimmed = gapless ? samples - gapless.encoderDelay - gapless.padding : samples;
  const truncated = cutOff || (taggedFrames !== undefined && frames - 1 < taggedFrames - 1);
  return {
    sampleRate: first.sampleRate,
    channels: first.channels,
    frames,
    taggedFrames,
    gapless,
    seconds: (trimmed > 0 ? trimmed : samples) / first.sampleRate,
    truncated,
  };
}
