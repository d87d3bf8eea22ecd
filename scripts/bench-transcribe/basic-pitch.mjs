// bench:transcribe peer: Spotify's basic-pitch (npm @spotify/basic-pitch, its own weights, Apache-2.0) on the
// same prepared samples (mono, 22.05 kHz), default thresholds: onset 0.5, frame 0.3, min note 11 frames.
// It runs on tfjs's pure-JS CPU backend (no tfjs-node), so it is slow: the bench gives it a subset.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Loads basic-pitch and its model from node_modules, or returns {error} saying why not. */
export async function loadBasicPitch() {
  try {
    const require = createRequire(import.meta.url);
    const packageJson = require.resolve('@spotify/basic-pitch/package.json');
    const dir = packageJson.slice(0, -'package.json'.length);
    // The tfjs instance basic-pitch itself imports (it may carry its own nested copy).
    const fromPackage = createRequire(packageJson);
    const tf = fromPackage('@tensorflow/tfjs');
    const bp = fromPackage('@spotify/basic-pitch');
    tf.env().set('IS_NODE', true);
    const json = JSON.parse(readFileSync(`${dir}model/model.json`, 'utf8'));
    const bin = readFileSync(`${dir}model/${json.weightsManifest[0].paths[0]}`);
    const model = await tf.loadGraphModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((m) => m.weights),
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
      }),
    );
    await tf.setBackend('cpu');
    const version = JSON.parse(readFileSync(packageJson, 'utf8')).version;
    return {
      label: `basic-pitch ${version} (tfjs ${tf.version_core}, ${tf.getBackend()} backend)`,
      /** Notes {onset, offset, pitchHz} of mono 22.05 kHz samples. */
      async transcribe(samples) {
        const basic = new bp.BasicPitch(model);
        const frames = [];
        const onsets = [];
        const contours = [];
        await basic.evaluateModel(
          samples,
          (f, o, c) => {
            frames.push(...f);
            onsets.push(...o);
            contours.push(...c);
          },
          () => {},
        );
        const events = bp.noteFramesToTime(
          bp.addPitchBendsToNoteEvents(contours, bp.outputToNotesPoly(frames, onsets, 0.5, 0.3, 11)),
        );
        return events
          .map((n) => ({
            onset: n.startTimeSeconds,
            offset: n.startTimeSeconds + n.durationSeconds,
            pitchHz: 440 * 2 ** ((n.pitchMidi - 69) / 12),
          }))
          .sort((a, b) => a.onset - b.onset);
      },
    };
  } catch (error) {
    return { error: error?.message ?? String(error) };
  }
}
