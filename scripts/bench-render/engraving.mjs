// bench:render section "engraving": seconds per page to engrave a score (Score → MusicXML → verovio → SVG
// pages) and to turn the pages into PDF (pdfkit + svg-to-pdfkit), PNG at 150 dpi (resvg) and standalone SVG
// (resvg's usvg, glyphs as outlines). Scores: a few Bach chorales from ../shared/eval/scores/bach (read in
// place with @cadenza/formats, never copied) and a generated grand-staff study with chord symbols (32 and
// 128 bars). Warm timings (verovio and the fonts are loaded once before, and that start-up is reported
// apart); each figure is the best of BENCH_RUNS runs. Imports the built packages (npx tsc -b first).
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const CHORALES = fileURLToPath(new URL('../../../shared/eval/scores/bach/', import.meta.url));
const CHORALE_FILES = ['bwv10.7.mxl', 'bwv104.6.mxl', 'bwv248.28.mxl', 'bwv362.mxl'];
const RUNS = Number(process.env.BENCH_RUNS || 2);
const PNG_DPI = 150;

/** A piano study: treble melody with accidentals over bass chords, one chord symbol a bar, ♩ = 96. */
function study(core, bars) {
  const { createScore, parsePitch, rat } = core;
  const pattern = [
    ['C', ['C3', 'E3', 'G3'], ['E5', 'G5', 'F#5', 'G5']],
    ['Bb7', ['Bb2', 'F3', 'Ab3'], ['D5', 'Bb4', 'F5', 'Ab5']],
    ['F#m7b5', ['F#2', 'C3', 'E3'], ['A5', 'F#5', 'E5', 'C5']],
    ['B7', ['B2', 'D#3', 'A3'], ['D#5', 'F#5', 'A5', 'B5']],
  ];
  const notes = [];
  const chordSymbols = [];
  for (let bar = 0; bar < bars; bar++) {
    const [symbol, lh, rh] = pattern[bar % pattern.length];
    const start = bar * 4;
    chordSymbols.push({ position: rat(start), symbol });
    rh.forEach((p, beat) =>
      notes.push({ pitch: parsePitch(p), position: rat(start + beat), duration: rat(1), staff: 1, voice: 1 }),
    );
    for (const p of lh)
      notes.push({ pitch: parsePitch(p), position: rat(start), duration: rat(4), staff: 2, voice: 1 });
  }
  return createScore({
    metadata: { title: `Study (${bars} bars)`, composer: 'Cadenza bench' },
    parts: [{ id: 'P1', name: 'Piano', staves: 2, notes }],
    chordSymbols,
    tempos: [{ position: rat(0), bpm: 96 }],
  });
}

async function best(fn) {
  let bestSeconds = Infinity;
  let result;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = await fn();
    bestSeconds = Math.min(bestSeconds, (performance.now() - start) / 1000);
  }
  return { seconds: bestSeconds, result };
}

const fmt = (seconds) => seconds.toFixed(3);

export async function run({ log }) {
  const platform = await import('@cadenza/platform');
  const formats = await import('@cadenza/formats');
  const core = await import('@cadenza/core');

  const scores = [];
  for (const file of CHORALE_FILES) {
    const path = `${CHORALES}${file}`;
    if (!existsSync(path)) continue;
    scores.push({
      name: `Bach ${file.replace('.mxl', '')}`,
      score: formats.readScore(new Uint8Array(readFileSync(path)), 'mxl'),
    });
  }
  if (scores.length === 0) log(`no Bach chorales at ${CHORALES}: only the generated studies are measured`);
  scores.push({ name: 'study, 32 bars', score: study(core, 32) });
  scores.push({ name: 'study, 128 bars', score: study(core, 128) });

  // Start-up: verovio's WebAssembly and the music font (decoded from WOFF2), once per process.
  const startup = performance.now();
  await platform.verovioVersion();
  const fonts = await platform.engravingFonts();
  const startupSeconds = (performance.now() - startup) / 1000;
  log(
    `verovio ${await platform.verovioVersion()} and fonts ready in ${fmt(startupSeconds)} s (text font: ${fonts.text?.family ?? 'none'})`,
  );

  const rows = [];
  const totals = { pages: 0, engrave: 0, pdf: 0, png: 0, svg: 0 };
  for (const { name, score } of scores) {
    log(`engraving ${name}…`);
    const engrave = await best(() => platform.engraveScore(score));
    const engraved = engrave.result;
    const pages = engraved.pages.length;
    const pdf = await best(() => platform.engravedToPdf(engraved, fonts));
    const png = await best(() => platform.engravedToPngs(engraved, { dpi: PNG_DPI, fonts }));
    const svg = await best(() => platform.engravedToSvgs(engraved, fonts));
    totals.pages += pages;
    totals.engrave += engrave.seconds;
    totals.pdf += pdf.seconds;
    totals.png += png.seconds;
    totals.svg += svg.seconds;
    rows.push(
      `| ${name} | ${pages} | ${fmt(engrave.seconds / pages)} | ${fmt(pdf.seconds / pages)} | ` +
        `${fmt(png.seconds / pages)} | ${fmt(svg.seconds / pages)} | ${fmt((engrave.seconds + pdf.seconds) / pages)} | ` +
        `${Math.round(pdf.result.length / 1024 / pages)} |`,
    );
  }
  const per = (total) => fmt(total / totals.pages);
  return [
    '### Engraving',
    '',
    `verovio ${await platform.verovioVersion()} (A4, scale 100), PDF by pdfkit + svg-to-pdfkit, PNG by resvg at ${PNG_DPI} dpi, ` +
      `standalone SVG by resvg's usvg; text font ${fonts.text?.family ?? 'none (PDF standard Times)'}. Seconds per page, ` +
      `warm, best of ${RUNS}. Start-up once per process (verovio WebAssembly + music font): ${fmt(startupSeconds)} s.`,
    '',
    '| score | pages | engrave s/page | PDF s/page | PNG s/page | SVG s/page | score → PDF s/page | PDF KiB/page |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| **all** | ${totals.pages} | ${per(totals.engrave)} | ${per(totals.pdf)} | ${per(totals.png)} | ${per(totals.svg)} | ` +
      `${per(totals.engrave + totals.pdf)} | |`,
  ];
}
