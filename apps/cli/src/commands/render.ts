import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { encodeAudio, synthesizeMidi, synthesizeScore, type PcmAudio } from '@cadenza/platform';
import { readScore, scoreFormatForFile } from '@cadenza/formats';
import { stringOption, UsageError, type Command } from '../command.js';
import { createProgressBar } from '../progress-bar.js';
import { AUDIO_EXTENSIONS } from './export-formats.js';

export const render: Command = {
  path: ['render'],
  summary: 'Play a score (MIDI, MusicXML, .mxl) with a SoundFont into an audio file',
  help: `Usage: cadenza render INPUT -o OUTPUT [options]

The output format follows the extension: .wav, .mp3, .flac, .ogg or .m4a (AAC).

Arguments:
  INPUT               a MIDI (.mid/.midi), MusicXML (.musicxml/.xml) or .mxl file

Options:
  -o FILE             the audio file to write (required)
  --soundfont FILE    any SF2/SF3 SoundFont (default: MuseScore General Lite, bundled)
  --reverb            add room reverb (default: dry)
  --sample-rate HZ    44100 (default) or 48000
  --quality Q         low, medium or high (default), or the format's own setting (see cadenza export --help)
  --count-in N        N clicks before the music (at the first tempo)
  --metronome         a click on every beat
  --json              print a JSON summary to stdout
  -h, --help          show this help

Examples:
  cadenza render song.mid -o song.wav
  cadenza render chorale.musicxml -o chorale.mp3 --reverb --soundfont ~/sf/Steinway.sf2`,
  options: {
    soundfont: { type: 'string' },
    reverb: { type: 'boolean' },
    'sample-rate': { type: 'string' },
    quality: { type: 'string' },
    'count-in': { type: 'string' },
    metronome: { type: 'boolean' },
  },
  async run(args, io) {
    const [input, ...extra] = args.positionals;
    const output = stringOption(args, 'output');
    if (!input) throw new UsageError('give an input file, e.g. cadenza render song.mid -o song.wav');
    if (extra.length) throw new UsageError(`one input file at a time (got also '${extra.join(' ')}')`);
    if (!output) throw new UsageError('give the audio file to write with -o, e.g. -o song.wav');
    const inFormat = scoreFormatForFile(input);
    if (!inFormat) {
      throw new UsageError(`cannot tell the format of '${input}': use .mid, .midi, .musicxml, .xml or .mxl`);
    }
    const format = AUDIO_EXTENSIONS[extname(output).toLowerCase()];
    if (!format)
      throw new UsageError(
        `cannot tell the audio format of '${output}': use .wav, .mp3, .flac, .ogg or .m4a`,
      );
    const sampleRate = parseSampleRate(stringOption(args, 'sample-rate'));
    const countIn = parseCountIn(stringOption(args, 'count-in'));
    const bar = createProgressBar(io.stderr, {
      tty: io.stderrIsTty ?? false,
      quiet: Boolean(args.values.json),
    });
    const bytes = new Uint8Array(await readFile(resolve(io.cwd, input)));
    const soundFont = stringOption(args, 'soundfont');
    const options = {
      sampleRate,
      reverb: Boolean(args.values.reverb),
      countInBeats: countIn,
      metronome: Boolean(args.values.metronome),
      ...(soundFont === undefined ? {} : { soundFont: resolve(io.cwd, soundFont) }),
      onProgress: (fraction: number) => bar.update(fraction * 90, 'synthesising'),
    };
    bar.update(0, 'synthesising');
    const audio: PcmAudio =
      inFormat === 'midi'
        ? await synthesizeMidi(bytes, options)
        : await synthesizeScore(readScore(bytes, inFormat), options);
    bar.update(90, 'encoding');
    const encoded = await encodeAudio(audio, { format, quality: stringOption(args, 'quality') ?? 'high' });
    await writeFile(resolve(io.cwd, output), encoded.bytes);
    const seconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
    const summary = {
      input,
      output,
      format,
      seconds: Math.round(seconds * 1000) / 1000,
      sampleRate: audio.sampleRate,
      bytes: encoded.bytes.length,
    };
    bar.done(`wrote ${output}: ${summary.seconds} s of ${format.toUpperCase()} at ${audio.sampleRate} Hz`);
    if (args.values.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  },
};

function parseSampleRate(text: string | undefined): 44100 | 48000 {
  if (text === undefined || text === '44100') return 44100;
  if (text === '48000') return 48000;
  throw new UsageError(`--sample-rate must be 44100 or 48000 (got '${text}')`);
}

function parseCountIn(text: string | undefined): number {
  if (text === undefined) return 0;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new UsageError(`--count-in must be a whole number of beats, 0–64 (got '${text}')`);
  return n;
}
