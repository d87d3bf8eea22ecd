// bench:transcribe test set: the soprano line of Bach chorales from ../shared/eval/scores/bach, rendered with
// SoundFont programs at fixed tempi, plus degraded copies (reverb, white noise at 20 dB SNR, MP3 128k round
// trip). Everything is made in memory on each run; nothing is written into the repo. Ground truth comes from
// the same MIDI the synthesiser plays (writeMidi of the one-part score), so ties and the tempo map match.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

export const CHORALES = fileURLToPath(new URL('../../../shared/eval/scores/bach/', import.meta.url));

/** GM program → the analysis's instrument hint. */
export const PROGRAMS = [
  { program: 0, name: 'piano', hint: 'piano' },
  { program: 73, name: 'flute', hint: 'winds' },
  { program: 40, name: 'violin', hint: 'strings' },
  { program: 71, name: 'clarinet', hint: 'winds' },
];
export const TEMPI = [80, 110];
export const CONDITIONS = ['clean', 'reverb', 'noise 20 dB', 'mp3 128k'];

const STEP_PC = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
const MINOR_MODES = new Set(['minor', 'aeolian', 'dorian', 'phrygian', 'locrian']);

/** Core Key ({tonic: {step, alter}, mode}) → analysis KeyClass ({tonic 0–11, mode major|minor}). */
export function keyClassOf(key) {
  const tonic = (((STEP_PC[key.tonic.step] + (key.tonic.alter ?? 0)) % 12) + 12) % 12;
  return { tonic, mode: MINOR_MODES.has(key.mode) ? 'minor' : 'major' };
}

export const hzOfMidi = (midi) => 440 * 2 ** ((midi - 69) / 12);

/**
 * Notes of a decoded MIDI file in seconds (tempo map from every track's setTempo events), as NoteEvents
 * {onset, offset, pitchHz}. `channel` keeps one channel; drums (channel 9) are always left out.
 */
export function midiNotes(file, { channel } = {}) {
  const tempos = file.tracks
    .flat()
    .filter((e) => e.type === 'setTempo')
    .sort((a, b) => a.tick - b.tick);
  const tpq = file.ticksPerQuarter;
  const seconds = (tick) => {
    let t = 0;
    let lastTick = 0;
    let usPerQ = 500_000;
    for (const e of tempos) {
      if (e.tick >= tick) break;
      t += ((e.tick - lastTick) / tpq) * (usPerQ / 1e6);
      lastTick = e.tick;
      usPerQ = e.microsecondsPerQuarter;
    }
    return t + ((tick - lastTick) / tpq) * (usPerQ / 1e6);
  };
  const notes = [];
  for (const track of file.tracks) {
    const open = new Map();
    for (const e of track) {
      if (e.type !== 'noteOn' && e.type !== 'noteOff') continue;
      if (e.channel === 9 || (channel !== undefined && e.channel !== channel)) continue;
      const id = `${e.channel}:${e.key}`;
      if (e.type === 'noteOn') {
        if (open.has(id)) notes.push({ ...open.get(id), offsetTick: e.tick });
        open.set(id, { key: e.key, onTick: e.tick });
      } else if (open.has(id)) {
        notes.push({ ...open.get(id), offsetTick: e.tick });
        open.delete(id);
      }
    }
  }
  return notes
    .map((n) => ({ onset: seconds(n.onTick), offset: seconds(n.offsetTick), pitchHz: hzOfMidi(n.key) }))
    .filter((n) => n.offset > n.onset)
    .sort((a, b) => a.onset - b.onset);
}

/** The first `count` chorales (sorted by name) as scores. */
export function loadChorales(readMusicXml, count) {
  return readdirSync(CHORALES)
    .filter((f) => f.endsWith('.mxl'))
    .sort()
    .slice(0, count)
    .map((file) => ({ file, score: readMusicXml(new Uint8Array(readFileSync(CHORALES + file))) }));
}

/** The soprano (first part) alone at a fixed tempo, played by `program`. */
export function sopranoScore(score, bpm, rat) {
  const soprano = score.parts[0];
  return {
    ...score,
    tempos: [{ position: rat(0), bpm }],
    parts: [{ ...soprano, staves: 1, clefs: soprano.clefs.slice(0, 1) }],
    dynamics: score.dynamics.filter((d) => d.partId === soprano.id),
    directions: score.directions.filter((t) => t.partId === soprano.id),
  };
}

/** Mixes the stereo render to mono and adds seeded white noise at `snrDb` below the signal's RMS. */
export function withNoise(pcm, snrDb, rng) {
  const frames = pcm.channels[0].length;
  const mono = new Float32Array(frames);
  for (const ch of pcm.channels) for (let i = 0; i < frames; i++) mono[i] += ch[i] / pcm.channels.length;
  let energy = 0;
  for (let i = 0; i < frames; i++) energy += mono[i] * mono[i];
  // RMS over the whole render including rests: a conservative (noisier) 20 dB.
  const sigma = Math.sqrt(energy / frames) * 10 ** (-snrDb / 20);
  for (let i = 0; i < frames; i += 2) {
    // Box–Muller: two Gaussian samples from two uniforms.
    const u = Math.max(rng.next(), 1e-12);
    const v = rng.next();
    const r = sigma * Math.sqrt(-2 * Math.log(u));
    mono[i] += r * Math.cos(2 * Math.PI * v);
    if (i + 1 < frames) mono[i + 1] += r * Math.sin(2 * Math.PI * v);
  }
  return { sampleRate: pcm.sampleRate, channels: [mono] };
}

/**
 * Yields every rendered case of the test set for the first `count` chorales: {subset, file, program, bpm,
 * condition, pcm, truth: {notes, bpm, key, timeSignature}, hint}.
 */
export async function* choraleCases(deps, { count, programs = PROGRAMS, log }) {
  const {
    readMusicXml,
    writeMidi,
    decodeMidiFile,
    synthesizeScore,
    encodeAudio,
    decodeAudio,
    rat,
    createRng,
  } = deps;
  for (const { file, score } of loadChorales(readMusicXml, count)) {
    const key = keyClassOf(score.keys[0].key);
    const ts = score.meters[0].timeSignature;
    const timeSignature = `${ts.beats}/${ts.beatType}`;
    for (const bpm of TEMPI) {
      const mono = sopranoScore(score, bpm, rat);
      const notes = midiNotes(decodeMidiFile(writeMidi(mono)));
      const truth = { notes, bpm, key, timeSignature };
      for (const p of programs) {
        const instruments = { [mono.parts[0].id]: p.program };
        const base = { file, program: p.name, hint: p.hint, bpm, truth };
        log?.(`${file} ${p.name} ♩=${bpm}`);
        const clean = await synthesizeScore(mono, { instruments });
        yield { ...base, condition: 'clean', pcm: clean };
        yield {
          ...base,
          condition: 'reverb',
          pcm: await synthesizeScore(mono, { instruments, reverb: true }),
        };
        yield {
          ...base,
          condition: 'noise 20 dB',
          pcm: withNoise(clean, 20, createRng(`${file}:${p.program}:${bpm}`)),
        };
        const mp3 = await encodeAudio(clean, { format: 'mp3', quality: 'low' });
        yield { ...base, condition: 'mp3 128k', pcm: await decodeAudio(mp3.bytes, { fileName: 'x.mp3' }) };
      }
    }
  }
}

/** The polyphonic set: all four voices, by GM program, with the conditions each gets. */
export const POLY_PROGRAMS = [
  { program: 0, name: 'piano', hint: 'piano', conditions: CONDITIONS },
  { program: 48, name: 'strings', hint: 'strings', conditions: ['clean'] },
  { program: 19, name: 'organ', hint: undefined, conditions: ['clean'] },
];

/**
 * Yields the four-voice renders of the first `count` chorales: {file, program, hint, bpm, condition, pcm,
 * truth}, every voice played by the same program.
 */
export async function* polyphonicCases(deps, { count, log }) {
  const {
    readMusicXml,
    writeMidi,
    decodeMidiFile,
    synthesizeScore,
    encodeAudio,
    decodeAudio,
    rat,
    createRng,
  } = deps;
  for (const { file, score } of loadChorales(readMusicXml, count)) {
    const key = keyClassOf(score.keys[0].key);
    const ts = score.meters[0].timeSignature;
    for (const bpm of TEMPI) {
      const full = { ...score, tempos: [{ position: rat(0), bpm }] };
      const notes = midiNotes(decodeMidiFile(writeMidi(full)));
      const truth = { notes, bpm, key, timeSignature: `${ts.beats}/${ts.beatType}` };
      for (const p of POLY_PROGRAMS) {
        const instruments = Object.fromEntries(full.parts.map((part) => [part.id, p.program]));
        const base = { file, program: p.name, hint: p.hint, bpm, truth };
        log?.(`${file} four voices, ${p.name} ♩=${bpm}`);
        const clean = await synthesizeScore(full, { instruments });
        for (const condition of p.conditions) {
          if (condition === 'clean') yield { ...base, condition, pcm: clean };
          if (condition === 'reverb')
            yield { ...base, condition, pcm: await synthesizeScore(full, { instruments, reverb: true }) };
          if (condition === 'noise 20 dB')
            yield {
              ...base,
              condition,
              pcm: withNoise(clean, 20, createRng(`${file}:satb:${p.program}:${bpm}`)),
            };
          if (condition === 'mp3 128k') {
            const mp3 = await encodeAudio(clean, { format: 'mp3', quality: 'low' });
            yield { ...base, condition, pcm: await decodeAudio(mp3.bytes, { fileName: 'x.mp3' }) };
          }
        }
      }
    }
  }
}
