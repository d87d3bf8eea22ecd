import type { PcmAudio } from '../wav.js';

/** What every wasm decoder returns. */
interface WasmDecoded {
  readonly channelData: Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string }[];
}

interface WasmDecoder {
  readonly ready: Promise<void>;
  free(): void | Promise<void>;
}

/** Decoded samples plus the decoder's own complaints (a damaged frame it skipped). */
export interface WasmDecodeResult {
  readonly audio: PcmAudio;
  readonly errors: readonly string[];
}

/**
 * Runs one fresh decoder over a whole file and frees it. A fresh instance per file keeps calls
 * independent (a reused decoder carries state over after bad input); the wasm modules themselves are
 * compiled once by the libraries and cached for the process.
 */
async function run<D extends WasmDecoder>(
  create: () => D,
  decode: (decoder: D) => WasmDecoded | Promise<WasmDecoded>,
): Promise<WasmDecodeResult> {
  const decoder = create();
  try {
    await decoder.ready;
    const decoded = await decode(decoder);
    const frames = decoded.samplesDecoded;
    return {
      audio: {
        sampleRate: decoded.sampleRate,
        channels: decoded.channelData.map((channel) => channel.subarray(0, frames)),
      },
      errors: decoded.errors.map((error) => error.message),
    };
  } finally {
    await decoder.free();
  }
}

/**
 * MP3 through mpg123. Gapless (its default, pinned here): with a LAME/Info tag it drops the encoder delay
 * plus its own 529-sample synthesis delay at the start and the padding at the end, so the samples come
 * back where they were before encoding; it never outputs the Info frame. Without a tag nothing is trimmed.
 */
export async function decodeMp3Wasm(bytes: Uint8Array): Promise<WasmDecodeResult> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  return run(
    () => new MPEGDecoder({ enableGapless: true }),
    (decoder) => decoder.decode(bytes),
  );
}

export async function decodeFlacWasm(bytes: Uint8Array): Promise<WasmDecodeResult> {
  const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
  return run(
    () => new FLACDecoder(),
    (decoder) => decoder.decodeFile(bytes),
  );
}

export async function decodeOggVorbisWasm(bytes: Uint8Array): Promise<WasmDecodeResult> {
  const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
  return run(
    () => new OggVorbisDecoder(),
    (decoder) => decoder.decodeFile(bytes),
  );
}

export async function decodeOggOpusWasm(bytes: Uint8Array): Promise<WasmDecodeResult> {
  const { OggOpusDecoder } = await import('ogg-opus-decoder');
  return run(
    () => new OggOpusDecoder(),
    (decoder) => decoder.decodeFile(bytes),
  );
}
