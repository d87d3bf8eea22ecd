import { randomInt } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { formatRational, pitchName, toNumber } from '@cadenza/core';
import { scoreFormatForFile, writeScore } from '@cadenza/formats';
import {
  checkAnswer,
  EAR_TRAINING_TYPES,
  generateEarTrainingQuestion,
  readStudentAnswer,
  RequestFieldError,
  type AnswerCheck,
  type EarTrainingQuestion,
} from '@cadenza/pedagogy';
import { exportScoreAudio } from '@cadenza/platform';
import { stringOption, UsageError, type Command } from '../command.js';
import { AUDIO_EXTENSIONS } from './export-formats.js';

/** The longest question audio is a 4-bar dictation at level 10: far below this. */
const MAX_AUDIO_SECONDS = 120;

function wholeNumber(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${text}')`);
  }
  return n;
}

/**
 * A dictation answer typed on the command line: space-separated `PITCH:LENGTH` (melodic, e.g.
 * `G4:1 A4:1/2`), `LENGTH` (rhythm) and `r:LENGTH` for a rest; lengths in quarter notes.
 */
function answerJson(question: EarTrainingQuestion, text: string): unknown {
  if (question.choices.length > 0) return text;
  return text
    .trim()
    .split(/\s+/)
    .map((token) => {
      const [head, tail] = token.split(':') as [string, string | undefined];
      if (tail === undefined) return { duration: head };
      if (head === 'r' || head === 'R') return { duration: tail, rest: true };
      return { pitch: head, duration: tail };
    });
}

function questionText(q: EarTrainingQuestion, seed: number): string {
  const lines = [q.prompt];
  if (q.choices.length) lines.push('', 'Choices:', ...q.choices.map((c) => `  ${c.id.padEnd(7)} ${c.label}`));
  if (q.given.length) lines.push('', `Given: ${q.given.join('; ')}`);
  lines.push('', `Difficulty ${q.difficulty}, tempo ${q.tempo}, seed ${seed}.`);
  return lines.join('\n');
}

function checkText(check: AnswerCheck): string {
  return [
    check.correct ? 'Correct.' : 'Not quite.',
    check.explanation,
    ...(check.correct ? [] : ['', `Answer: ${check.correctAnswer}`]),
  ].join('\n');
}

export const earTraining: Command = {
  path: ['ear-training'],
  summary:
    'An ear-training question (intervals, chords, melodic or rhythm dictation) as audio, and its check',
  help: `Usage: cadenza ear-training TYPE [options]

TYPE is interval_recognition, chord_quality, melodic_dictation or rhythm_dictation (- or _).
Prints the prompt and the answer choices; -o writes the question to listen to. Nothing is played.

Options:
  --difficulty N      1–10 (default 1): which intervals, chords, keys, rhythms and how many choices
  --seed N            the same seed asks the same question (default: a random one, printed)
  --answer TEXT       check an answer: a choice id (m6, dim7), or for dictation the notes as
                      PITCH:LENGTH (melodic) or LENGTH / r:LENGTH (rhythm), lengths in quarter notes
  -o FILE             the question as .wav, .mp3, .flac, .ogg, .m4a, or the score as .mid, .musicxml, .mxl
  --json              print the question (and the check) as JSON
  -h, --help          show this help

Examples:
  cadenza ear-training interval_recognition --difficulty 4 -o question.wav
  cadenza ear-training interval_recognition --difficulty 4 --seed 1234 --answer m6
  cadenza ear-training rhythm-dictation --difficulty 2 --seed 7 --answer "1 1 2 2 2"`,
  options: {
    difficulty: { type: 'string' },
    seed: { type: 'string' },
    answer: { type: 'string' },
  },
  async run(args, io) {
    const [typeText, ...extra] = args.positionals;
    if (!typeText) throw new UsageError(`give a question type: ${EAR_TRAINING_TYPES.join(', ')}`);
    if (extra.length) throw new UsageError(`one question type at a time (got also '${extra.join(' ')}')`);
    const difficulty = wholeNumber(stringOption(args, 'difficulty'), 'difficulty', 1, 10) ?? 1;
    const seed =
      wholeNumber(stringOption(args, 'seed'), 'seed', 0, 0xffff_ffff) ?? randomInt(0, 0x1_0000_0000);
    let question: EarTrainingQuestion;
    try {
      question = generateEarTrainingQuestion({ type: typeText.replace(/-/g, '_'), difficulty, seed });
    } catch (error) {
      if (error instanceof RequestFieldError) throw new UsageError(error.message);
      throw error;
    }
    const answerText = stringOption(args, 'answer');
    const check =
      answerText === undefined
        ? undefined
        : checkAnswer(question, readStudentAnswer(question.type, answerJson(question, answerText)));

    const output = stringOption(args, 'output');
    if (output) {
      const path = resolve(io.cwd, output);
      const audioFormat = AUDIO_EXTENSIONS[extname(path).toLowerCase()];
      const scoreFormat = scoreFormatForFile(path);
      if (audioFormat) {
        const audio = await exportScoreAudio(question.score, {
          format: audioFormat,
          maxSeconds: MAX_AUDIO_SECONDS,
        });
        await writeFile(path, audio.bytes);
      } else if (scoreFormat) {
        await writeFile(path, writeScore(question.score, scoreFormat));
      } else {
        throw new UsageError(
          `cannot write '${output}': use .wav, .mp3, .flac, .ogg, .m4a, .mid, .musicxml or .mxl`,
        );
      }
      io.stderr(`wrote ${output}\n`);
    }
    if (args.values.json) {
      const json = {
        type: question.type,
        difficulty: question.difficulty,
        seed,
        prompt: question.prompt,
        choices: question.choices,
        given: question.given,
        tempo: question.tempo,
        lead_in_beats: toNumber(question.leadIn),
        ...(check
          ? {
              check: {
                correct: check.correct,
                correct_answer: check.correctAnswer,
                correct_choice: check.correctChoice,
                explanation: check.explanation,
                score: check.grading?.score ?? null,
                wrong_notes: check.grading?.notes.filter((n) => !n.correct).map((n) => n.index) ?? null,
              },
            }
          : {}),
      };
      io.stdout(JSON.stringify(json, null, 2) + '\n');
    } else {
      io.stdout(questionText(question, seed) + '\n');
      if (check) io.stdout('\n' + checkText(check) + '\n');
    }
    return 0;
  },
};

/** "G4:1 A4:1/2" for a dictation key, as --answer takes it (used by tests and help text). */
export function dictationAnswerText(question: EarTrainingQuestion): string {
  const key = question.key;
  if (key.type !== 'melodic_dictation' && key.type !== 'rhythm_dictation') return '';
  return key.answer
    .map((n) =>
      n.rest
        ? `r:${formatRational(n.duration)}`
        : n.pitch
          ? `${pitchName(n.pitch)}:${formatRational(n.duration)}`
          : formatRational(n.duration),
    )
    .join(' ');
}
