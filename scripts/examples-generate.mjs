// Example arrangements (issue 5): for each genre, generates three arrangements (different descriptions,
// applications and seeds), renders each to PDF and WAV in a temp dir, measures the WAV (its length against
// bars × beats × 60 / tempo, and that it is not silent), and keeps the first of each genre in docs/examples/
// as `<genre>.mid` and `<genre>.png` (first page, 100 dpi), with docs/examples/README.md describing them.
// Imports the BUILT packages, so run `npx tsc -b` first:
//   npx tsc -b && npm run examples:generate
//   EXAMPLES_KEEP_TEMP=1 npm run examples:generate   # keeps the PDFs and WAVs, and says where
// A genre whose arranger answers "not available yet" is skipped, and the run says so.
import console from 'node:console';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { GENERATE_GENRES, GENERATE_REQUESTS } from '@cadenza/contracts';
import {
  chordProgressionReport,
  exportScoreAudio,
  generateArrangement,
  renderPdf,
  renderPngPages,
} from '@cadenza/platform';
import { format, resolveConfig } from 'prettier';

const EXAMPLES = fileURLToPath(new URL('../docs/examples/', import.meta.url));
const CHORD_BARS = 4;
const log = (text) => process.stderr.write(`${text}\n`);

/** Three requests per genre; the first is the one kept in docs/examples/. */
const REQUESTS = {
  gospel: [
    { description: 'a joyful Sunday morning praise song in Ab', application: 'worship', seed: 7 },
    { description: 'a slow, tender hymn for practice', application: 'practice', seed: 21 },
    { description: 'an uptempo shout in Eb', application: 'uptempo', seed: 33 },
  ],
  jazz: [
    { description: 'a medium swing standard in F with a walking bass', application: 'standard', seed: 7 },
    { description: 'a late-night ballad in Db', application: 'ballad', seed: 21 },
    { description: 'a fast bebop tune', application: 'uptempo', seed: 33 },
  ],
  blues: [
    { description: 'a classic twelve-bar shuffle in G', application: 'shuffle', seed: 7 },
    { description: 'a slow, sad blues in C minor', application: 'slow', seed: 21 },
    { description: 'a fast boogie in E', application: 'fast', seed: 33 },
  ],
  classical: [
    { description: 'an elegant, balanced piece in G major', application: 'classical', seed: 7 },
    { description: 'a baroque prelude in D minor', application: 'baroque', seed: 21 },
    { description: 'a romantic, yearning nocturne in Eb', application: 'romantic', seed: 33 },
  ],
  neosoul: [
    { description: 'a smooth, laid-back groove in Eb', application: 'smooth', seed: 7 },
    { description: 'a mellow late-night vibe in F minor', application: 'smooth', seed: 21 },
    { description: 'an uptempo neo-soul jam', application: 'uptempo', seed: 33 },
  ],
};

function notAvailable(error) {
  return /not available yet/i.test(String(error?.message ?? error));
}

/** Frames, sample rate and channels of a 16-bit PCM WAV. */
function readWav16(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channels = view.getUint16(22, true);
  const sampleRate = view.getUint32(24, true);
  const frames = view.getUint32(40, true) / (2 * channels);
  const mono = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += view.getInt16(44 + 2 * (i * channels + c), true) / 0x8000;
    mono[i] = sum / channels;
  }
  return { sampleRate, mono };
}

/** Length, RMS level, and the time of the last 50 ms window louder than 40 dB under the peak window. */
function measureWav(bytes) {
  const { sampleRate, mono } = readWav16(bytes);
  const window = Math.round(sampleRate * 0.05);
  const levels = [];
  let total = 0;
  for (let start = 0; start + window <= mono.length; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) sum += mono[i] * mono[i];
    total += sum;
    levels.push(10 * Math.log10(sum / window + 1e-20));
  }
  const peak = Math.max(...levels);
  let last = levels.length - 1;
  while (last > 0 && levels[last] < peak - 40) last--;
  return {
    seconds: mono.length / sampleRate,
    rmsDb: 10 * Math.log10(total / mono.length + 1e-20),
    soundingUntil: ((last + 1) * window) / sampleRate,
  };
}

/** Seconds the bars last: bars × beats × 60 / tempo, the tempo counted in quarter notes. */
function expectedSeconds(request) {
  const quarters = request.bars * request.meter.beats * (4 / request.meter.beatType);
  return (quarters * 60) / request.tempo;
}

function chordsByBar(generated) {
  const chords = chordProgressionReport(generated.arrangement, generated.request.meter);
  const bars = [];
  for (const c of chords) {
    if (c.bar > CHORD_BARS) break;
    bars[c.bar - 1] = [...(bars[c.bar - 1] ?? []), c.chord_symbol];
  }
  // A bar with no new chord holds the last one: shown in parentheses.
  let last = '';
  return Array.from({ length: Math.min(CHORD_BARS, generated.request.bars) }, (_, i) => {
    const symbols = bars[i];
    if (!symbols) return `(${last})`;
    last = symbols[symbols.length - 1] ?? last;
    return symbols.join(' ');
  }).join(' | ');
}

async function renderOne(genre, spec, dir) {
  const body = GENERATE_REQUESTS[genre].parse(spec);
  const g = generateArrangement(genre, body);
  const name = `${genre}-${spec.application}-${spec.seed}`;
  const pdf = await renderPdf(g.arrangement.score);
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  const wav = await exportScoreAudio(g.arrangement.score, { format: 'wav', quality: '16', maxSeconds: 600 });
  writeFileSync(join(dir, `${name}.wav`), wav.bytes);
  const audio = measureWav(wav.bytes);
  const expected = expectedSeconds(g.request);
  const meta = g.report.metadata;
  const row = {
    genre,
    name,
    generated: g,
    spec,
    meta,
    pdfBytes: pdf.length,
    expected,
    ...audio,
    chords: chordsByBar(g),
  };
  const ok = audio.rmsDb > -50 && Math.abs(audio.soundingUntil - expected) < 4 && audio.seconds >= expected;
  row.audioOk = ok;
  log(
    `${name}: ${meta.key}, ${meta.tempo} bpm, ${meta.time_signature}, ${meta.num_bars} bars, ${meta.note_count} notes; ` +
      `PDF ${pdf.length} B; WAV ${audio.seconds.toFixed(2)} s (bars say ${expected.toFixed(2)} s, sound until ` +
      `${audio.soundingUntil.toFixed(2)} s), RMS ${audio.rmsDb.toFixed(1)} dBFS ${ok ? 'ok' : 'CHECK'}`,
  );
  return row;
}

function readme(kept, skipped) {
  const lines = [
    '# Generated examples',
    '',
    'One arrangement per genre from the generator (`POST /{genre}/generate`, `generateArrangement` in',
    '`@cadenza/platform`), made by `npm run examples:generate` (`scripts/examples-generate.mjs`): the MIDI to',
    'hear, and the first page of the engraved score (100 dpi) to see. The same request and seed give the',
    'same MIDI, so each can be made again from the table. The script also renders two more per genre to',
    'PDF and WAV in a temp dir and checks the audio lasts as long as the bars say and is not silent.',
    '',
    '| genre | description | application | key | tempo | meter | bars | seed | files |',
    '|---|---|---|---|---|---|---|---|---|',
    ...kept.map(
      (r) =>
        `| ${r.genre} | ${r.spec.description} | ${r.meta.application} | ${r.meta.key} | ${r.meta.tempo} | ` +
        `${r.meta.time_signature} | ${r.meta.num_bars} | ${r.spec.seed} | [MIDI](${r.genre}.mid), [PNG](${r.genre}.png) |`,
    ),
    '',
    `Chords of the first ${CHORD_BARS} bars, and how the hands play:`,
    '',
    ...kept.flatMap((r) => [
      `- **${r.genre}**: ${r.chords} — ${r.meta.feel}; left hand ${r.meta.left_hand}, right hand ${r.meta.right_hand}.`,
    ]),
    '',
    ...kept.flatMap((r) => [`## ${r.genre}`, '', `![${r.genre}: first page](${r.genre}.png)`, '']),
  ];
  if (skipped.length > 0) lines.push(`Not made (arranger not available yet): ${skipped.join(', ')}.`, '');
  return lines.join('\n');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-examples-'));
  const kept = [];
  const skipped = [];
  let bad = 0;
  try {
    for (const genre of GENERATE_GENRES) {
      const rows = [];
      try {
        for (const spec of REQUESTS[genre]) rows.push(await renderOne(genre, spec, dir));
      } catch (error) {
        if (!notAvailable(error)) throw error;
        skipped.push(genre);
        log(`${genre} skipped: ${error.message}`);
        continue;
      }
      bad += rows.filter((r) => !r.audioOk).length;
      const first = rows[0];
      mkdirSync(EXAMPLES, { recursive: true });
      writeFileSync(join(EXAMPLES, `${genre}.mid`), first.generated.midi);
      const [page] = await renderPngPages(first.generated.arrangement.score, { dpi: 100 });
      writeFileSync(join(EXAMPLES, `${genre}.png`), page);
      kept.push(first);
    }
    if (kept.length > 0) {
      // Formatted as `npm run lint` expects (prettier aligns the table).
      const path = join(EXAMPLES, 'README.md');
      const options = { ...(await resolveConfig(path)), filepath: path };
      writeFileSync(path, await format(readme(kept, skipped), options));
    }
    console.log(
      `Wrote ${kept.map((r) => `${r.genre}.mid, ${r.genre}.png`).join(', ')} and README.md to docs/examples/`,
    );
    if (skipped.length > 0) console.log(`Skipped (not available yet): ${skipped.join(', ')}`);
  } finally {
    if (process.env.EXAMPLES_KEEP_TEMP) console.log(`PDFs and WAVs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  if (bad > 0) {
    console.error(`${bad} WAV(s) failed the length or loudness check`);
    process.exit(1);
  }
}

await main();
