// Example transcriptions (issue 6): two chorale sopranos from ../shared/eval/scores/bach played by the
// bundled SoundFont (a flute and a clarinet, as a student might play them), and one chorale in four voices
// on the piano, each transcribed with `transcribePcm` (mode auto) and engraved. Keeps in
// docs/examples/transcription/: the audio that was transcribed (`<name>.mp3`), the transcription as
// MusicXML and as a PNG of its first page, and a README with the measured note F1, tempo, meter and key.
// The source scores stay in ../shared/eval (named in the README), never copied.
// Imports the BUILT packages, so run `npx tsc -b` first:
//   npx tsc -b && npm run examples:transcribe
import console from 'node:console';
import { mkdirSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { noteMetrics, toCoreKey } from '@cadenza/analysis';
import { rat } from '@cadenza/core';
import { decodeMidiFile, readMusicXml, writeMidi, writeMusicXml } from '@cadenza/formats';
import {
  encodeAudio,
  keySignatureText,
  renderPngPages,
  synthesizeScore,
  transcribePcm,
  transcriptionScore,
} from '@cadenza/platform';
import { loadChorales, midiNotes, sopranoScore } from './bench-transcribe/test-set.mjs';

const OUT = fileURLToPath(new URL('../docs/examples/transcription/', import.meta.url));
const log = (text) => process.stderr.write(`${text}\n`);
const hz = (midi) => 440 * 2 ** ((midi - 69) / 12);

/** Which chorale (index in file-name order), how it is played, and at what tempo. */
const EXAMPLES = [
  {
    name: 'soprano-flute',
    chorale: 0,
    voices: 'soprano',
    program: 73,
    hint: 'winds',
    bpm: 84,
    label: 'flute',
  },
  {
    name: 'soprano-clarinet',
    chorale: 2,
    voices: 'soprano',
    program: 71,
    hint: 'winds',
    bpm: 96,
    label: 'clarinet',
  },
  {
    name: 'four-voices-piano',
    chorale: 1,
    voices: 'all',
    program: 0,
    hint: 'piano',
    bpm: 90,
    label: 'piano',
  },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const chorales = loadChorales(readMusicXml, 3);
  const lines = [];
  for (const ex of EXAMPLES) {
    const { file, score } = chorales[ex.chorale];
    const played =
      ex.voices === 'soprano'
        ? sopranoScore(score, ex.bpm, rat)
        : { ...score, tempos: [{ position: rat(0), bpm: ex.bpm }] };
    const instruments = Object.fromEntries(played.parts.map((p) => [p.id, ex.program]));
    const pcm = await synthesizeScore(played, { instruments });
    const mp3 = await encodeAudio(pcm, { format: 'mp3', quality: 'low' });
    writeFileSync(`${OUT}${ex.name}.mp3`, mp3.bytes);
    const result = await transcribePcm(pcm, { instrument: ex.hint });
    const title = `${file.replace('.mxl', '')} ${ex.voices === 'soprano' ? 'soprano' : 'SATB'} (${ex.label}), transcribed`;
    const part = { name: ex.label[0].toUpperCase() + ex.label.slice(1), program: ex.program };
    const notated = transcriptionScore(result.analysis, { title, part });
    writeFileSync(`${OUT}${ex.name}.musicxml`, writeMusicXml(notated));
    const [page] = await renderPngPages(notated, { dpi: 100 });
    writeFileSync(`${OUT}${ex.name}.png`, page);
    const truth = midiNotes(decodeMidiFile(writeMidi(played)));
    const est = result.analysis.notes.map((n) => ({
      onset: n.onset,
      offset: n.offset,
      pitchHz: hz(n.pitch ?? n.midi),
    }));
    const m = noteMetrics(truth, est);
    const a = result.analysis;
    const key = a.key ? keySignatureText(toCoreKey(a.key)) : '—';
    const ts = score.meters[0].timeSignature;
    log(
      `${ex.name}: F1 ${m.f1NoOffset.toFixed(3)}, ${result.mode}, ♩ ${a.bpm.toFixed(1)}, ${a.meter.timeSignature}, ${key}`,
    );
    lines.push(
      `| [${ex.name}](${ex.name}.png) | \`../shared/eval/scores/bach/${file}\`, ${ex.voices === 'soprano' ? 'soprano part' : 'all four parts'}, ${ex.label} (GM ${ex.program}) at ♩ = ${ex.bpm} ([audio](${ex.name}.mp3)) | ${result.mode} | ${truth.length} / ${est.length} | ${m.f1NoOffset.toFixed(3)} | ${a.bpm.toFixed(1)} | ${a.meter.timeSignature} (score: ${ts.beats}/${ts.beatType}) | ${key} | ${a.confidence.toFixed(2)} |`,
    );
  }
  const readme = [
    '# Example transcriptions',
    '',
    'Made by `npm run examples:transcribe` (scripts/examples-transcribe.mjs): Bach chorales from `../shared/eval/scores/bach` played by the bundled SoundFont, transcribed by `transcribePcm` (mode auto, with the instrument hint) and engraved by `transcriptionScore` → verovio. Each row keeps the audio that was transcribed (MP3), the transcription as MusicXML and the first page as PNG. The source scores are not copied here: the path names them.',
    '',
    '| example | source | path | notes true / found | note F1 | ♩ found | meter found | key found | confidence |',
    '|---|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
    "Note F1 is mir_eval's (onset ±50 ms, pitch ±50 cents, offsets ignored) against the MIDI the synthesiser played.",
    '',
  ].join('\n');
  writeFileSync(`${OUT}README.md`, readme);
  console.log(readme);
}

await main();
