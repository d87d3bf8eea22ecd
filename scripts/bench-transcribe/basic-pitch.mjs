// bench:transcribe peer: Spotify's basic-pitch (npm @spotify/basic-pitch, Apache-2.0) — its own model weights
// and its own note post-processing (`outputToNotesPoly`, default thresholds: onset 0.5, frame 0.3, min note
// 11 frames ≈ 128 ms, inferred onsets and the "melodia trick" on) on the same prepared samples (mono,
// 22.05 kHz). The network runs through the same tfjs wasm runner as our polyphonic path
// (`noteActivations`), which tiles the frames exactly; basic-pitch's own `evaluateModel` does not run on the
// wasm backend and its pure-JS CPU backend runs under 1× real time. Frame i is at i × 256 / 22050 s, so its
// notes get exact times (its `noteFramesToTime` assumes its own windowing).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Loads basic-pitch's post-processing and the shared model runner, or returns {error} saying why not. */
export async function loadBasicPitch(platform) {
  try {
    const require = createRequire(import.meta.url);
    const packageJson = require.resolve('@spotify/basic-pitch/package.json');
    const dir = packageJson.slice(0, -'package.json'.length);
    const toMidi = require(`${dir}cjs/toMidi.js`);
    await platform.noteActivationModel();
    const version = JSON.parse(readFileSync(packageJson, 'utf8')).version;
    return {
      label: `basic-pitch ${version} (its weights and outputToNotesPoly; tfjs wasm backend)`,
      /**
       * Notes {onset, offset, pitchHz} of mono 22.05 kHz samples; `activations` (of those samples, from our
       * polyphonic path's run of the same model) spares running the model twice.
       */
      async transcribe(samples, activations) {
        const a = activations ?? (await platform.noteActivations(samples));
        const rows = (m) =>
          Array.from({ length: a.frameCount }, (_, t) =>
            Array.from(m.subarray(t * a.keys, (t + 1) * a.keys)),
          );
        const events = toMidi.outputToNotesPoly(rows(a.frames), rows(a.onsets), 0.5, 0.3, 11);
        return events
          .map((n) => ({
            onset: n.startFrame / a.frameRate,
            offset: (n.startFrame + n.durationFrames) / a.frameRate,
            pitchHz: 440 * 2 ** ((n.pitchMidi - 69) / 12),
          }))
          .sort((x, y) => x.onset - y.onset);
      },
    };
  } catch (error) {
    return { error: error?.message ?? String(error) };
  }
}
