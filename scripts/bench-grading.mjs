// Grading benchmark (issue 7): simulated attempts at generated exercises (scales, arpeggios, melodies and, for
// MIDI only, block chords) with the player's own tempo (±10 %), a start offset, onset jitter σ = 10, 30, 60 ms,
// and injected wrong, missed, extra and 150 ms late notes; graded as MIDI-level note lists and, for monophonic
// exercises, as SoundFont piano renders transcribed back by the monophonic transcriber. Reports detection
// recall per mistake kind and false alarms (a clean note flagged, a spurious extra), prints a table and
// appends a dated section to docs/benchmarks.md.
// Imports the BUILT packages, so run `npx tsc -b` first:
//   npx tsc -b && npm run bench:grading
//   BENCH_MIDI_TAKES=50 BENCH_AUDIO_TAKES=5 BENCH_NO_RECORD=1 npm run bench:grading   # quick, not recorded
// BENCH_MIDI_TAKES (default 400) and BENCH_AUDIO_TAKES (default 40): takes per σ; BENCH_SIGMAS (default
// 10,30,60): jitter values in ms; BENCH_SEED (default 1).
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL } from 'node:url';
import { choraleMelodies, makeExercise } from './bench-grading/exercises.mjs';
import { simulateTake, takeMidiFile } from './bench-grading/simulate.mjs';
import {
  allRecall,
  anyFalseAlarmRate,
  emptyTally,
  falseAlarmRate,
  KINDS,
  recall,
  tallyTake,
} from './bench-grading/tally.mjs';

const BENCHMARKS = new URL('../docs/benchmarks.md', import.meta.url);
const MIDI_TAKES = Number(process.env.BENCH_MIDI_TAKES || 400);
const AUDIO_TAKES = Number(process.env.BENCH_AUDIO_TAKES ?? 40);
const SIGMAS = (process.env.BENCH_SIGMAS || '10,30,60').split(',').map(Number);
const SEED = process.env.BENCH_SEED || '1';
const QUIETEST_VELOCITY = 16;
/** Tolerances (ms) tried on the MIDI takes, to choose the default from. */
const SWEEP = [50, 60, 75, 90, 110];
const STRETCHES = [0.9, 0.95, 1, 1.05, 1.1];
/** The issue's targets at σ = 30 ms. */
const TARGETS = { midi: { recall: 0.95, falseAlarms: 0.05 }, audio: { recall: 0.9, falseAlarms: 0.1 } };

async function load() {
  try {
    const core = await import('@cadenza/core');
    const formats = await import('@cadenza/formats');
    const pedagogy = await import('@cadenza/pedagogy');
    const platform = await import('@cadenza/platform');
    if (typeof pedagogy.gradeAttempt !== 'function') throw new Error('@cadenza/pedagogy lacks gradeAttempt');
    return { core, formats, pedagogy, platform };
  } catch (error) {
    console.error(`Cannot load the built packages (${error.message}). Run \`npx tsc -b\` first.`);
    process.exit(1);
  }
}

const log = (line) => console.error(`bench: ${line}`);
const pct = (x) => (Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)} %`);
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

async function main() {
  const deps = await load();
  const { core, formats, pedagogy, platform } = deps;
  const load1 = loadavg()[0].toFixed(2);
  const chorales = choraleMelodies(formats.readMusicXml, 12);
  const results = [];
  const sweep = {};
  const timing = { gradeMs: [], notes: 0, synthS: 0, transcribeS: 0, audioS: 0, generated: 0, built: 0 };
  const started = performance.now();
  for (const sigma of SIGMAS) {
    for (const source of ['midi', 'audio']) {
      const takes = source === 'midi' ? MIDI_TAKES : AUDIO_TAKES;
      if (takes <= 0) continue;
      const tally = emptyTally();
      const byKind = {};
      const rng = core.createRng(`grading:${SEED}:${source}:${sigma}`);
      const mono = source === 'audio';
      const kinds = ['scale', 'arpeggio', 'sight', 'melody', 'chorale', ...(mono ? [] : ['chords'])];
      for (let t = 0; t < takes; t++) {
        const exercise = makeExercise(deps, rng, { kinds, chorales, mono });
        const take = simulateTake(exercise.expected, rng, { sigma, stretch: rng.pick(STRETCHES) });
        let played = take.played;
        if (source === 'audio') {
          const t0 = performance.now();
          const pcm = await platform.synthesizeMidi(formats.encodeMidiFile(takeMidiFile(played)));
          const t1 = performance.now();
          try {
            const heard = await platform.transcribePcm(pcm, { instrument: 'piano', mode: 'mono' });
            // The transcriber hears the synthesiser's release tail as a few notes at velocity ~1; a take's
            // real notes come out at 49 or more. Whisper-quiet notes are dropped, as the platform does.
            played = heard.analysis.notes.filter((n) => n.velocity >= QUIETEST_VELOCITY);
          } catch (error) {
            log(`transcription failed: ${error.message}`);
            played = [];
            tally.failed++;
          }
          timing.synthS += (t1 - t0) / 1000;
          timing.transcribeS += (performance.now() - t1) / 1000;
          timing.audioS += pcm.channels[0].length / pcm.sampleRate;
        }
        const g0 = performance.now();
        const grade = pedagogy.gradeAttempt(exercise.expected, played, { expectedBpm: exercise.bpm });
        timing.gradeMs.push(performance.now() - g0);
        timing.notes += exercise.expected.length;
        timing[exercise.generated ? 'generated' : 'built']++;
        const within = source === 'midi' ? 0.001 : 0.08;
        if (source === 'midi') {
          for (const toleranceMs of SWEEP) {
            sweep[`${sigma}:${toleranceMs}`] ??= emptyTally();
            const graded = pedagogy.gradeAttempt(exercise.expected, played, { toleranceMs });
            tallyTake(sweep[`${sigma}:${toleranceMs}`], graded, take, within);
          }
        }
        tallyTake(tally, grade, take, within);
        byKind[exercise.kind] ??= emptyTally();
        tallyTake(byKind[exercise.kind], grade, take, within);
      }
      log(
        `${source} σ=${sigma} ms: ${tally.takes} takes, recall ${pct(allRecall(tally))}, false alarms ${pct(anyFalseAlarmRate(tally))}`,
      );
      results.push({ source, sigma, tally, byKind });
    }
  }
  timing.wallS = (performance.now() - started) / 1000;
  const section = report(results, timing, load1, sweep);
  console.log(section);
  if (process.env.BENCH_NO_RECORD) {
    console.log('\nBENCH_NO_RECORD is set: not appended to docs/benchmarks.md');
    return;
  }
  const existing = readFileSync(BENCHMARKS, 'utf8');
  appendFileSync(
    BENCHMARKS,
    (existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n') + section,
  );
  console.log('\nAppended to docs/benchmarks.md');
}

function row(label, t, target) {
  const cells = [
    label,
    t.takes,
    t.expected,
    ...KINDS.map((k) => `${pct(recall(t, k))} (${t.injected[k]})`),
    pct(allRecall(t)),
    ...['wrong-pitch', 'missed', 'extra', 'late', 'early'].map((k) => pct(falseAlarmRate(t, k))),
    pct(anyFalseAlarmRate(t)),
    `${(100 * mean(t.tempoErrors)).toFixed(2)} %`,
    target,
  ];
  return `| ${cells.join(' | ')} |`;
}

function report(results, timing, load1, sweep) {
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, Node ${process.version}`;
  const header =
    '| source, σ | takes | expected notes | recall wrong pitch (n) | recall missed (n) | recall extra (n) | recall late 150 ms (n) | recall all | FA as wrong pitch | FA as missed | FA spurious extra | FA as late | FA as early | false alarms, all | tempo error | target |';
  const lines = [
    `## Grading attempts, ${date}`,
    '',
    `\`npm run bench:grading\` (BENCH_MIDI_TAKES=${MIDI_TAKES} BENCH_AUDIO_TAKES=${AUDIO_TAKES} BENCH_SIGMAS=${SIGMAS.join(',')} BENCH_SEED=${SEED}) on ${machine} (1-minute load average before the run: ${load1}). Targets from issue 7 at σ = 30 ms: MIDI recall ≥ 95 % and false alarms ≤ 5 %; audio recall ≥ 90 % and false alarms ≤ 10 %.`,
    '',
    header,
    `|${'---|'.repeat(16)}`,
  ];
  for (const r of results) {
    const target = r.sigma === 30 ? verdict(r.tally, TARGETS[r.source]) : '';
    lines.push(row(`${r.source === 'midi' ? 'MIDI' : 'audio'}, σ = ${r.sigma} ms`, r.tally, target));
  }
  const mid = results.filter((r) => r.sigma === 30);
  if (mid.length) {
    lines.push(
      '',
      'By exercise kind at σ = 30 ms:',
      '',
      header.replace('source, σ', 'source, kind'),
      `|${'---|'.repeat(16)}`,
    );
    for (const r of mid) {
      for (const [kind, t] of Object.entries(r.byKind))
        lines.push(row(`${r.source === 'midi' ? 'MIDI' : 'audio'}, ${kind}`, t, ''));
    }
  }
  if (Object.keys(sweep).length) {
    lines.push(
      '',
      'Choosing the tolerance (MIDI takes, the same takes graded at each tolerance): recall of 150 ms late notes / false alarms, all kinds.',
      '',
      `| σ | ${SWEEP.map((t) => `±${t} ms`).join(' | ')} |`,
      `|${'---|'.repeat(SWEEP.length + 1)}`,
    );
    for (const sigma of SIGMAS) {
      const cells = SWEEP.map((t) => {
        const tally = sweep[`${sigma}:${t}`];
        return tally ? `${pct(recall(tally, 'late'))} / ${pct(anyFalseAlarmRate(tally))}` : '—';
      });
      lines.push(`| ${sigma} ms | ${cells.join(' | ')} |`);
    }
  }
  const failed = results.reduce((s, r) => s + r.tally.failed, 0);
  lines.push(
    '',
    `Takes: ${timing.generated} exercises from the pedagogy generator (\`generateExercise\`, difficulty 1–8 at its own tempo: scales and arpeggios, hands separately or together for MIDI and the right hand alone for audio; sight reading; chord progressions for MIDI only) and ${timing.built} built here with \`@cadenza/core\` scores (seeded stepwise tunes with repeated notes and mixed values, and the first 20 soprano notes of 12 Bach chorales from \`../shared/eval/scores/bach\`, at ♩ = 66–112), all turned into expected notes by \`expectedNotesFromScore\`. Each take: the player's tempo 0.9, 0.95, 1, 1.05 or 1.1 × written, drifting linearly by up to ±5 % from first note to last, a start 0.3–2.5 s in, Gaussian onset jitter σ, and on about 20 % of events (a chord is one; never adjacent, never first or last) one of: a wrong pitch (±1–2 semitones), a missed note, or, where the next note is at least 250 ms away, an extra note (±1–5 semitones) between the two or the note 150 ms late. Audio: the take as MIDI rendered by \`synthesizeMidi\` (MuseScore General Lite piano, dry), transcribed by \`transcribePcm\` (mono, piano hint), notes under velocity 16 dropped (the synthesiser's release tail, as \`gradeAttemptFile\` does); a reported extra counts as found within 80 ms of the injected one with its pitch.` +
      (failed ? ` ${failed} audio takes failed to transcribe (graded as silence).` : ''),
    '',
    'Recall: injected mistakes given exactly their verdict. False alarms (FA): clean notes (only jitter) flagged with that verdict, and reported extras that were not injected, as a share of clean notes. Tempo error: |stretch found ÷ stretch played − 1|, mean over takes. Grader defaults: tolerance ±75 ms after tempo, start and drift are taken out.',
    '',
    `Speed: \`gradeAttempt\` ${mean(timing.gradeMs).toFixed(2)} ms per take on average (${(timing.notes / (timing.gradeMs.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} expected notes a second)` +
      (timing.audioS > 0
        ? `; audio: ${timing.audioS.toFixed(0)} s rendered in ${timing.synthS.toFixed(0)} s, transcribed in ${timing.transcribeS.toFixed(0)} s`
        : '') +
      `; the whole run took ${timing.wallS.toFixed(0)} s of wall time.`,
    '',
  );
  return lines.join('\n');
}

function verdict(t, target) {
  const r = allRecall(t);
  const fa = anyFalseAlarmRate(t);
  const ok = r >= target.recall && fa <= target.falseAlarms;
  return `recall ≥ ${target.recall * 100} %, FA ≤ ${target.falseAlarms * 100} %: ${ok ? 'met' : 'missed'}`;
}

await main();
