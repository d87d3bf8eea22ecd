// bench:render section "synthesis": speed (× real time) of Cadenza's synthesis (spessasynth_core) against
// Debian FluidSynth on the same MIDI files and the same SoundFonts. MIDI files: a few Bach chorales from
// ../shared/eval/scores/bach (MusicXML → Score → MIDI with @cadenza/formats; read in place, never copied
// into the repo) and a generated dense piano piece; written to a temp dir. FluidSynth runs the issue's
// command, `fluidsynth -ni -g 1.0 -r 44100 -F out.wav <sf> <mid>`, one process per file, so its time includes
// loading the SoundFont (an SF3 is decoded whole at load); that load is measured on a one-note file and
// also subtracted. Ours loads each SoundFont once per process (measured apart) and renders warm.
// Speed = seconds of music (first note to last note-off, from the score's tempo map) ÷ seconds taken,
// both as wall time and as CPU time (user + system): the CPU figure is the fairer one on a shared machine.
//   BENCH_RUNS=3 (default 2): best of N runs for every figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const CHORALES = fileURLToPath(new URL('../../../shared/eval/scores/bach/', import.meta.url));
const CHORALE_FILES = ['bwv10.7.mxl', 'bwv104.6.mxl', 'bwv115.6.mxl', 'bwv117.4.mxl'];
const DEBIAN_SF2 = '/usr/share/sounds/sf2/TimGM6mb.sf2';
const RUNS = Number(process.env.BENCH_RUNS || 2);
const TARGET = 20;

/**
 * A dense piano piece, deterministic: 32 bars of 4/4 at ♩ = 100, right hand in sixteenth-note thirds
 * (8 notes a beat), left hand broken chords in eighths over a held bass, pedal changed every bar.
 */
function densePiano(core) {
  const { createScore, rat, spellMidi } = core;
  const progression = [
    [48, 52, 55, 60],
    [45, 52, 57, 60],
    [41, 53, 57, 60],
    [43, 50, 55, 59],
  ];
  const right = [];
  const left = [];
  const pedals = [];
  for (let bar = 0; bar < 32; bar++) {
    const chord = progression[bar % 4];
    const start = bar * 4;
    pedals.push({ start: rat(start * 16 + 1, 16), end: rat(start * 16 + 63, 16) });
    left.push({ midi: chord[0] - 12, at: start * 4, len: 16, v: 70, staff: 2, voice: 5 });
    for (let e = 0; e < 8; e++) {
      const key = chord[1 + (e % 3)] + (e >= 4 ? 12 : 0);
      left.push({ midi: key, at: start * 4 + e * 2, len: 2, v: 55 + (e % 4) * 4, staff: 2, voice: 6 });
    }
    for (let s = 0; s < 16; s++) {
      const step = [0, 1, 2, 3, 2, 1][s % 6] + Math.floor(s / 8);
      const top = chord[(1 + step) % 4] + 12 * (1 + Math.floor((1 + step) / 4));
      const velocity = 60 + ((s * 7 + bar * 3) % 30);
      right.push({ midi: top + 12, at: start * 4 + s, len: 1, v: velocity, staff: 1, voice: 1 });
      right.push({ midi: top + 8, at: start * 4 + s, len: 1, v: velocity - 10, staff: 1, voice: 1 });
    }
  }
  const notes = [...right, ...left].map((n) => ({
    pitch: spellMidi(n.midi),
    position: rat(n.at, 4),
    duration: rat(n.len, 4),
    staff: n.staff,
    voice: n.voice,
    velocity: n.v,
  }));
  return createScore({
    metadata: { title: 'Dense piano study (generated)' },
    tempos: [{ position: rat(0), bpm: 100 }],
    parts: [{ id: 'P1', name: 'Piano', staves: 2, notes, pedals }],
  });
}

function wavSeconds(path) {
  const b = readFileSync(path);
  // Walk the RIFF chunks to "fmt " and "data" (FluidSynth may write extra chunks).
  let offset = 12;
  let rate = 0;
  let blockAlign = 0;
  while (offset + 8 <= b.length) {
    const id = b.toString('ascii', offset, offset + 4);
    const size = b.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      rate = b.readUInt32LE(offset + 12);
      blockAlign = b.readUInt16LE(offset + 20);
    }
    if (id === 'data') return { seconds: Math.min(size, b.length - offset - 8) / blockAlign / rate, rate };
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

/** Seconds from the start to the last note-off, through the score's tempo map. */
function musicSeconds(core, score) {
  let end = 0;
  for (const part of score.parts) {
    for (const n of part.notes) end = Math.max(end, core.toNumber(core.add(n.position, n.duration)));
  }
  return core.beatsToSeconds(core.scoreTempoMap(score), end);
}

const seconds = (text) => {
  const m = /(\d+)m([\d.]+)s/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/** One FluidSynth run: wall and CPU (user + system, from bash's `times`) milliseconds. */
function fluidsynthOnce(args) {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', 'fluidsynth "$@" >/dev/null 2>&1 || exit 1; times', 'bash', ...args], {
    encoding: 'utf8',
  });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`fluidsynth ${args.join(' ')} failed`);
  const children = r.stdout.trim().split('\n')[1] ?? '';
  const [user, system] = children.split(/\s+/).map(seconds);
  return { wall, cpu: (user + system) * 1000 };
}

/** Best wall and best CPU time of `runs` calls of `once` (each may be async). */
async function best(runs, once) {
  let wall = Infinity;
  let cpu = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const r = await once();
    wall = Math.min(wall, r.wall);
    cpu = Math.min(cpu, r.cpu);
    result = r;
  }
  return { ...result, wall, cpu };
}

/** One render of ours: wall and CPU (this process's user + system) milliseconds. */
async function oursOnce(render) {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const audio = await render();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu0);
  return { wall, cpu: (used.user + used.system) / 1000, audio };
}

/**
 * Mean number of sounding voices over a render, through Cadenza's own render loop (the built
 * render-midi module, dry) in the given mode: what the speed depends on. A stereo SoundFont sample is two
 * voices; a released note keeps its voice until its envelope is silent (reference) or until it is 60 dB
 * under the mix (fast).
 */
async function meanVoices(bank, midiPath, mode) {
  const { renderMidi } = await import('../../packages/platform/dist/audio/synth/render-midi.js');
  const { prepareMidi } = await import('../../packages/platform/dist/audio/synth/prepare-midi.js');
  const formats = await import('@cadenza/formats');
  // As synthesizeMidi does it, without the normalisation.
  const prepared = prepareMidi(formats.decodeMidiFile(readFileSync(midiPath)), {
    countInBeats: 0,
    metronome: false,
    reverb: false,
  });
  const rendered = await renderMidi(formats.encodeMidiFile(prepared.file), bank, {
    sampleRate: 44100,
    effects: false,
    endTick: prepared.endTick,
    tailSeconds: 1.5,
    mode,
    onProgress: undefined,
  });
  return rendered.meanVoices;
}

const fx = (secs, ms) => (ms > 0 ? `${((secs * 1000) / ms).toFixed(1)}×` : '–');
const s2 = (ms) => (ms / 1000).toFixed(2);
/** "wall× / CPU×" for `secs` of music. */
const speed = (secs, t) => `${fx(secs, t.wall)} / ${fx(secs, t.cpu)}`;

export async function run({ log }) {
  const platform = await import('@cadenza/platform');
  const formats = await import('@cadenza/formats');
  const core = await import('@cadenza/core');
  const spessa = await import('spessasynth_core');
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-bench-synth-'));
  try {
    const pieces = [];
    for (const file of CHORALE_FILES) {
      const path = join(CHORALES, file);
      if (!existsSync(path)) continue;
      pieces.push({
        name: `Bach ${file.replace('.mxl', '')}`,
        score: formats.readMusicXml(readFileSync(path)),
      });
    }
    if (pieces.length === 0) log(`No chorales at ${CHORALES}: only the generated piece is measured.`);
    pieces.push({ name: 'dense piano (generated)', score: densePiano(core) });
    for (const p of pieces) {
      p.midi = join(dir, `${p.name.replace(/[^\w.-]+/g, '_')}.mid`);
      p.notes = p.score.parts.reduce((n, part) => n + part.notes.length, 0);
      p.music = musicSeconds(core, p.score);
      writeFileSync(p.midi, formats.writeMidi(p.score));
    }
    const oneNote = join(dir, 'one-note.mid');
    writeFileSync(
      oneNote,
      formats.writeMidi(
        core.createScore({
          parts: [
            {
              notes: [
                {
                  pitch: core.parsePitch('C4'),
                  position: core.rat(0),
                  duration: core.rat(1),
                  staff: 1,
                  voice: 1,
                },
              ],
            },
          ],
        }),
      ),
    );

    const hasFluid = spawnSync('fluidsynth', ['--version'], { encoding: 'utf8' }).status === 0;
    const fluidVersion = hasFluid
      ? /FluidSynth runtime version ([\d.]+)/.exec(
          spawnSync('fluidsynth', ['--version'], { encoding: 'utf8' }).stdout,
        )?.[1]
      : undefined;
    if (!hasFluid) log('fluidsynth is not on PATH: only Cadenza is measured.');
    const soundFonts = [
      { name: 'MuseScore General Lite (MSBasic, SF3, 40 MB)', path: platform.defaultSoundFontPath() },
    ];
    if (existsSync(DEBIAN_SF2)) soundFonts.push({ name: 'TimGM6mb (Debian SF2, 6 MB)', path: DEBIAN_SF2 });

    const lines = ['### Synthesis', ''];
    lines.push(
      `Same MIDI files and SoundFonts for both engines, 44.1 kHz stereo. Cadenza: \`synthesizeMidi\` (spessasynth_core),`,
      'warm, dry (the default) and with `reverb: true`, in the default `fast` render mode (linear interpolation, a released',
      'voice dropped once 60 dB under the mix) and, dry, in `reference` mode (Hermite, every voice rings out). FluidSynth ' +
        `${fluidVersion ?? '(not installed)'}: \`fluidsynth -ni -g 1.0 -r 44100 -F out.wav <sf> <mid>\` (its reverb and`,
      'chorus on by default), one process per file; "excl. load" subtracts the time it takes on a one-note file',
      `(loading the SoundFont). Each cell: × real time by wall clock / by CPU time (user + system), best of ${RUNS} runs;`,
      '× real time = seconds of music (first note to last note-off) ÷ seconds taken. Target: ≥ 20×. Mean voices, fast /',
      'reference: sounding voices averaged over the piece (a stereo sample is two voices; a released note keeps its voice',
      'until its envelope is silent, or in fast mode until it is 60 dB under the mix): synthesis time grows with it.',
      '',
    );
    const summary = [];
    for (const sf of soundFonts) {
      log(`SoundFont: ${sf.name}`);
      const oneNoteBytes = readFileSync(oneNote);
      const sfBytes = readFileSync(sf.path);
      const bank = spessa.SoundBankLoader.fromArrayBuffer(
        sfBytes.buffer.slice(sfBytes.byteOffset, sfBytes.byteOffset + sfBytes.byteLength),
      );
      const ourLoad = await oursOnce(() => platform.synthesizeMidi(oneNoteBytes, { soundFont: sf.path }));
      const fluidArgs = (mid, out) => ['-ni', '-g', '1.0', '-r', '44100', '-F', out, sf.path, mid];
      const fluidLoad = hasFluid
        ? await best(RUNS, () => fluidsynthOnce(fluidArgs(oneNote, join(dir, 'load.wav'))))
        : undefined;
      lines.push(
        `**${sf.name}**: loading the SoundFont (first render, one note) takes Cadenza ${s2(ourLoad.wall)} s once per`,
        `process; FluidSynth ${fluidLoad ? s2(fluidLoad.wall) + ' s wall, ' + s2(fluidLoad.cpu) + ' s CPU on every run' : '–'}.`,
        '',
        '| MIDI file | notes | music s | mean voices | Cadenza dry | Cadenza reverb | Cadenza dry, reference | FluidSynth | FluidSynth excl. load |',
        '|---|---|---|---|---|---|---|---|---|',
      );
      const total = {
        music: 0,
        dry: { wall: 0, cpu: 0 },
        wet: { wall: 0, cpu: 0 },
        ref: { wall: 0, cpu: 0 },
        fluid: { wall: 0, cpu: 0 },
        net: { wall: 0, cpu: 0 },
      };
      const addTo = (sum, t) => {
        sum.wall += t.wall;
        sum.cpu += t.cpu;
      };
      for (const p of pieces) {
        const bytes = readFileSync(p.midi);
        const render = (options) => () => platform.synthesizeMidi(bytes, { soundFont: sf.path, ...options });
        await render({})(); // warm: samples this file needs are decoded once
        // Fast and reference alternate, so a change in the machine's load hits both alike.
        const dry = { wall: Infinity, cpu: Infinity };
        const ref = { wall: Infinity, cpu: Infinity };
        for (let i = 0; i < RUNS; i++) {
          for (const [into, options] of [
            [dry, {}],
            [ref, { renderMode: 'reference' }],
          ]) {
            const t = await oursOnce(render(options));
            into.wall = Math.min(into.wall, t.wall);
            into.cpu = Math.min(into.cpu, t.cpu);
          }
        }
        const wet = await best(RUNS, () => oursOnce(render({ reverb: true })));
        let fluidCells = '– | –';
        if (hasFluid && fluidLoad) {
          const out = join(dir, 'fluid.wav');
          const fluid = await best(RUNS, () => fluidsynthOnce(fluidArgs(p.midi, out)));
          const w = wavSeconds(out);
          if (w.rate !== 44100) throw new Error(`FluidSynth wrote ${w.rate} Hz`);
          const net = { wall: fluid.wall - fluidLoad.wall, cpu: fluid.cpu - fluidLoad.cpu };
          fluidCells = `${speed(p.music, fluid)} | ${speed(p.music, net)}`;
          addTo(total.fluid, fluid);
          addTo(total.net, net);
        }
        log(
          `  ${p.name}: Cadenza ${speed(p.music, dry)} dry, ${speed(p.music, wet)} reverb, ${speed(p.music, ref)} reference; FluidSynth ${fluidCells}`,
        );
        const voices = [
          await meanVoices(bank, p.midi, 'fast'),
          await meanVoices(bank, p.midi, 'reference'),
        ].map((v) => v.toFixed(0));
        lines.push(
          `| ${p.name} | ${p.notes} | ${p.music.toFixed(1)} | ${voices.join(' / ')} | ${speed(p.music, dry)} | ${speed(p.music, wet)} | ${speed(p.music, ref)} | ${fluidCells} |`,
        );
        total.music += p.music;
        addTo(total.dry, dry);
        addTo(total.wet, wet);
        addTo(total.ref, ref);
      }
      lines.push(
        `| **all** | | ${total.music.toFixed(1)} | | **${speed(total.music, total.dry)}** | ${speed(total.music, total.wet)} | ${speed(total.music, total.ref)} | ` +
          (hasFluid ? `${speed(total.music, total.fluid)} | ${speed(total.music, total.net)} |` : '– | – |'),
        '',
      );
      summary.push(
        `${sf.name}: Cadenza ${speed(total.music, total.dry)} dry (wall / CPU), ${speed(total.music, total.ref)} in reference mode`,
      );
    }
    lines.push(`Target ≥ ${TARGET}× real time. ${summary.join('; ')}.`);
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
