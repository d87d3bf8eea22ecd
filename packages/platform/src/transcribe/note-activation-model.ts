import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { NoteActivations } from '@cadenza/analysis';
import '@tensorflow/tfjs-backend-wasm';
import * as converter from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';

/**
 * basic-pitch's model (Spotify, Apache-2.0; the weights ship in the npm package `@spotify/basic-pitch`) run
 * with tfjs's WebAssembly backend. The model takes 2-second frames of mono 22.05 kHz audio and gives, per
 * 256-sample frame and per piano key (MIDI 21–108), the probability that a note sounds ("frames") and that
 * one starts ("onsets"). We cut the recording into frames ourselves so that the kept output frames tile the
 * timeline exactly (one every 256 samples), whatever its length: cost is linear and memory is one frame of
 * audio plus the two activation matrices.
 */
export const MODEL_RATE = 22050;
const HOP = 256;
/** Samples per model input: 2 s less one hop, as the model was trained. */
const INPUT_SAMPLES = 2 * MODEL_RATE - HOP;
/** Output frames per input. */
const OUTPUT_FRAMES = 172;
/** Frames dropped at each edge of an output (they see too little context). */
const EDGE = 15;
/** Frames kept per input, and so the input hop in samples. */
const KEPT = OUTPUT_FRAMES - 2 * EDGE;
const INPUT_HOP = KEPT * HOP;
export const PIANO_KEYS = 88;
export const LOWEST_KEY = 21;
/** How many inputs run as one batch (fewer calls into the backend; ~1 MB of audio). */
const BATCH = 4;

let loading: Promise<converter.GraphModel> | undefined;

async function loadModel(): Promise<converter.GraphModel> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@spotify/basic-pitch/package.json')), 'model');
  const manifest = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    format?: string;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const buffers = await Promise.all(
    manifest.weightsManifest.flatMap((group) => group.paths.map((p) => readFile(join(dir, p)))),
  );
  const weights = Buffer.concat(buffers);
  await tf.setBackend('wasm');
  await tf.ready();
  return converter.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: manifest.modelTopology,
      weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights),
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      ...(manifest.format ? { format: manifest.format } : {}),
    }),
  );
}

/** The model, loaded once per process (about 0.3 s the first time). */
export function noteActivationModel(): Promise<converter.GraphModel> {
  loading ??= loadModel().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Note and onset activations of mono 22.05 kHz samples. Frame i is centred on sample i × 256.
 * `onProgress` gets the fraction of the audio done; the event loop gets a turn between batches.
 */
export async function noteActivations(
  samples: Float32Array,
  onProgress?: (fraction: number) => void,
): Promise<NoteActivations> {
  const model = await noteActivationModel();
  const frameCount = Math.max(1, Math.ceil(samples.length / HOP));
  const inputs = Math.ceil(frameCount / KEPT);
  const frames = new Float32Array(frameCount * PIANO_KEYS);
  const onsets = new Float32Array(frameCount * PIANO_KEYS);
  // Input k covers samples from k × INPUT_HOP − EDGE × HOP, so its output frame EDGE lands on k × KEPT.
  for (let first = 0; first < inputs; first += BATCH) {
    const count = Math.min(BATCH, inputs - first);
    const batch = new Float32Array(count * INPUT_SAMPLES);
    for (let b = 0; b < count; b++) {
      const start = (first + b) * INPUT_HOP - EDGE * HOP;
      const from = Math.max(0, start);
      const to = Math.min(samples.length, start + INPUT_SAMPLES);
      if (to > from) batch.set(samples.subarray(from, to), b * INPUT_SAMPLES + (from - start));
    }
    const [noteOut, onsetOut] = tf.tidy(() => {
      const input = tf.tensor3d(batch, [count, INPUT_SAMPLES, 1]);
      const out = model.execute(input, ['Identity_1', 'Identity_2']) as tf.Tensor[];
      return [out[0] as tf.Tensor, out[1] as tf.Tensor];
    });
    const [noteData, onsetData] = await Promise.all([noteOut.data(), onsetOut.data()]);
    noteOut.dispose();
    onsetOut.dispose();
    for (let b = 0; b < count; b++) {
      const frame0 = (first + b) * KEPT;
      const keep = Math.min(KEPT, frameCount - frame0);
      const offset = (b * OUTPUT_FRAMES + EDGE) * PIANO_KEYS;
      frames.set(noteData.subarray(offset, offset + keep * PIANO_KEYS), frame0 * PIANO_KEYS);
      onsets.set(onsetData.subarray(offset, offset + keep * PIANO_KEYS), frame0 * PIANO_KEYS);
    }
    onProgress?.(Math.min(1, (first + count) / inputs));
    await nextTurn();
  }
  return {
    frames,
    onsets,
    frameCount,
    frameRate: MODEL_RATE / HOP,
    lowestMidi: LOWEST_KEY,
    keys: PIANO_KEYS,
  };
}
