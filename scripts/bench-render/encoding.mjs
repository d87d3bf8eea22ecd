// bench:render section "encoding": speed (× real time) of Cadenza's audio encoders for every format ×
// quality preset, on 60 s of stereo 44.1 kHz music: a Bach chorale from ../shared/eval/scores/bach
// synthesised with the default SoundFont (looped to 60 s), or, without the chorales, a generated piece.
// Each encode runs BENCH_RUNS times (default 2) and the fastest counts; a warm-up encode first loads the
// wasm codecs (their one-time load is reported apart). Then the same files are decoded back with
// decodeAudio (what transcription uses). Imports the built packages (`npx tsc -b`).
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const CHORALE = fileURLToPath(new URL('../../../shared/eval/scores/bach/bwv10.7.mxl', import.meta.url));
const SECONDS = 60;
const SAMPLE_RATE = 44_100;
const RUNS = Number(process.env.BENCH_RUNS || 2);
const FORMATS = ['wav', 'mp3', 'flac', 'ogg', 'aac'];
const LEVELS = ['low', 'medium', 'high'];

/** Repeats `audio` until it lasts exactly SECONDS. */
function loop(audio) {
  const frames = SECONDS * audio.sampleRate;
  return {
    sampleRate: audio.sampleRate,
    channels: audio.channels.map((source) => {
      const out = new Float32Array(frames);
      for (let at = 0; at < frames; at += source.length) out.set(source.subarray(0, frames - at), at);
      return out;
    }),
  };
}

/** A deterministic stand-in: chords of decaying harmonic tones with a little noise. */
function generated() {
  const frames = SECONDS * SAMPLE_RATE;
  const chords = [
    [261.63, 329.63, 392.0],
    [220.0, 261.63, 329.63],
    [174.61, 220.0, 261.63],
    [196.0, 246.94, 293.66],
  ];
  let seed = 1;
  const channels = [new Float32Array(frames), new Float32Array(frames)];
  for (let i = 0; i < frames; i++) {
    const t = i / SAMPLE_RATE;
    const chord = chords[Math.floor(t / 2) % 4];
    const envelope = Math.exp(-3 * (t % 2));
    let s = 0;
    for (const f of chord) for (let h = 1; h <= 4; h++) s += Math.sin(2 * Math.PI * f * h * t) / (h * h);
    seed = (seed * 1664525 + 1013904223) >>> 0;
    const noise = (seed / 2 ** 32 - 0.5) * 0.01;
    channels[0][i] = 0.15 * envelope * s + noise;
    channels[1][i] = 0.14 * envelope * s - noise;
  }
  return { sampleRate: SAMPLE_RATE, channels };
}

async function sourceAudio(platform, formats, log) {
  if (existsSync(CHORALE)) {
    try {
      const score = formats.readMusicXml(readFileSync(CHORALE));
      const audio = await platform.synthesizeScore(score, { sampleRate: SAMPLE_RATE, reverb: true });
      return {
        audio: loop(audio),
        name: `Bach BWV 10.7 synthesised (MSBasic, reverb), looped to ${SECONDS} s`,
      };
    } catch (error) {
      log(`Synthesis failed (${error?.message ?? error}); using the generated piece.`);
    }
  } else log(`No chorale at ${CHORALE}; using the generated piece.`);
  return { audio: generated(), name: `generated chords (${SECONDS} s)` };
}

async function timed(action) {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

export async function run({ log }) {
  const platform = await import('@cadenza/platform');
  const formats = await import('@cadenza/formats');
  const { audio, name } = await sourceAudio(platform, formats, log);
  const ffmpeg = platform.locateFfmpeg();
  const short = { sampleRate: SAMPLE_RATE, channels: audio.channels.map((c) => c.subarray(0, SAMPLE_RATE)) };
  const loads = [];
  for (const format of FORMATS) {
    const { ms } = await timed(() => platform.encodeAudio(short, { format, quality: 'low' }));
    loads.push(`${format} ${ms.toFixed(0)} ms`);
  }
  const rows = [];
  const decodeRows = [];
  for (const format of FORMATS) {
    for (const quality of LEVELS) {
      const settings = platform.AUDIO_QUALITY_PRESETS[format][quality];
      let best = Infinity;
      let encoded;
      for (let r = 0; r < RUNS; r++) {
        const { result, ms } = await timed(() => platform.encodeAudio(audio, { format, quality }));
        best = Math.min(best, ms);
        encoded = result;
      }
      const kbps = (encoded.bytes.length * 8) / SECONDS / 1000;
      log(
        `${format} ${quality}: ${(best / 1000).toFixed(2)} s, ${((SECONDS * 1000) / best).toFixed(0)}× real time`,
      );
      rows.push(
        `| ${format} | ${quality} (${Object.entries(settings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}) | ` +
          `${(best / 1000).toFixed(2)} | **${((SECONDS * 1000) / best).toFixed(0)}×** | ` +
          `${(encoded.bytes.length / 1e6).toFixed(2)} | ${kbps.toFixed(0)} |`,
      );
      if (quality === 'high') {
        const { ms } = await timed(() => platform.decodeAudio(encoded.bytes));
        decodeRows.push(`| ${format} | ${(ms / 1000).toFixed(2)} | ${((SECONDS * 1000) / ms).toFixed(0)}× |`);
      }
    }
  }
  return [
    '### Encoding',
    '',
    `Source: ${name}, stereo ${SAMPLE_RATE} Hz.`,
    `Best of ${RUNS} runs of \`encodeAudio\` from the built \`@cadenza/platform\`; AAC through ffmpeg`,
    `(${ffmpeg.source}: ${ffmpeg.path}). First call, which loads each codec (1 s of audio):`,
    `${loads.join(', ')}.`,
    '',
    '| format | quality | seconds | × real time | MB | kbit/s |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Decoding the `high` files back with `decodeAudio`:',
    '',
    '| format | seconds | × real time |',
    '| --- | ---: | ---: |',
    ...decodeRows,
  ];
}
