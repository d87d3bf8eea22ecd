import { MusicError } from '@cadenza/core';
import {
  GENERATE_GENRES,
  GENERATE_REQUESTS,
  type GenerateGenre,
  type GenerateRequest,
} from '@cadenza/contracts';
import { stringOption, type ParsedArgs } from '../command.js';

/** The API's request field → the `cadenza generate` option that sets it. */
export const FIELD_FLAGS: Readonly<Record<string, string>> = {
  description: 'DESCRIPTION',
  key: '--key',
  tempo: '--tempo',
  num_bars: '--bars',
  application: '--application',
  time_signature: '--meter',
  chord_chart: '--chart',
  left_hand: '--left-hand',
  right_hand: '--right-hand',
  swing_ratio: '--swing',
  seed: '--seed',
  title: '--title',
  ai_percentage: '--ai-percentage',
};

/** "Neo-Soul", "neo soul", "NEOSOUL" → neosoul; anything else is an error listing the genres. */
export function parseGenre(text: string): GenerateGenre {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const genre = GENERATE_GENRES.find((g) => g === name);
  if (!genre) {
    throw new MusicError(`unknown genre '${text}': use ${GENERATE_GENRES.join(', ')} (or neo-soul)`);
  }
  return genre;
}

/** A request field's error as the user typed it: "--bars: must be at least 1". */
export function flagError(field: string, message: string): MusicError {
  const flag = FIELD_FLAGS[field] ?? field;
  const bare = Object.entries(FIELD_FLAGS)
    .filter(([name]) => name.includes('_'))
    .reduce(
      (text, [name, option]) => text.replaceAll(name, option),
      message.replace(new RegExp(`^${field}(:\\s*|\\s+)`), ''),
    );
  return new MusicError(`${flag}: ${bare}`);
}

/** Numbers go to the schema as numbers; anything else as typed, so the schema names the option. */
function numeric(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** Builds the API body from the command line and validates it with the genre's schema. */
export function generateBody(genre: GenerateGenre, description: string, args: ParsedArgs): GenerateRequest {
  const raw: Record<string, unknown> = {
    description,
    key: stringOption(args, 'key'),
    tempo: numeric(stringOption(args, 'tempo')),
    num_bars: numeric(stringOption(args, 'bars')),
    application: stringOption(args, 'application'),
    time_signature: stringOption(args, 'meter') ?? stringOption(args, 'time-signature'),
    chord_chart: stringOption(args, 'chart'),
    left_hand: stringOption(args, 'left-hand'),
    right_hand: stringOption(args, 'right-hand'),
    swing_ratio: numeric(stringOption(args, 'swing')),
    seed: numeric(stringOption(args, 'seed')),
    title: stringOption(args, 'title'),
    ai_percentage: numeric(stringOption(args, 'ai-percentage')),
    include_progression: true,
  };
  for (const name of Object.keys(raw)) if (raw[name] === undefined) delete raw[name];
  if (raw.ai_percentage !== undefined && genre !== 'gospel') {
    throw new MusicError('--ai-percentage: only gospel takes it');
  }
  const parsed = GENERATE_REQUESTS[genre].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = typeof issue?.path[0] === 'string' ? issue.path[0] : 'request';
    throw flagError(field, issue?.message ?? 'invalid');
  }
  return parsed.data;
}

/** A RequestFieldError (a MusicError with the API field) retold with the option's name. */
export function asFlagError(error: unknown): unknown {
  if (error instanceof MusicError && 'field' in error && typeof error.field === 'string') {
    return flagError(error.field, error.message);
  }
  return error;
}
