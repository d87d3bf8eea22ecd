import {
  formatTimeSignature,
  keyName,
  MusicError,
  parseKey,
  parseTimeSignature,
  type Key,
  type TimeSignature,
} from '@cadenza/core';
import type { ArrangeRequest } from '../arrangement-types.js';
import {
  APPLICATIONS,
  DEFAULT_BARS,
  applicationProfile,
  type ApplicationProfile,
  type Genre,
} from '../genres.js';
import { GENRE_ARRANGERS } from '../genre-registry.js';
import { parseChart } from './parse-chart.js';
import { readDescription, type Reading } from './read-description.js';
import { readApplication } from './read-application.js';

/** What a user asked for, as the API and CLI receive it (already shape-checked; values not yet musical). */
export interface GenerateFields {
  readonly description: string;
  readonly key?: string;
  readonly tempo?: number;
  readonly numBars?: number;
  readonly application?: string;
  readonly timeSignature?: string;
  /** The user's own chart, `| Cmaj7 | Am7 | Dm7 G7 |`; replaces the generated progression. */
  readonly chordChart?: string;
  readonly leftHand?: string;
  readonly rightHand?: string;
  readonly swingRatio?: number;
  readonly aiPercentage?: number;
}

/** A request field whose value cannot be used; `field` is the API's (snake_case) name for it. */
export class RequestFieldError extends MusicError {
  constructor(
    readonly field: string,
    message: string,
    input?: string,
  ) {
    super(`${field}: ${message}`, input);
  }
}

/** Where a setting came from: the explicit field, the description (with its words) or the default. */
export interface Choice<T> {
  readonly value: T;
  readonly from: 'field' | 'description' | 'chart' | 'default';
  readonly words?: string;
  /** Set when the asked-for value lay outside the application's range and was moved into it. */
  readonly adjustedFrom?: number;
}

/** How the request was read, for the response ("key Bb minor from 'in Bb minor'"). */
export interface RequestReading {
  readonly key: Choice<string>;
  readonly tempo: Choice<number>;
  readonly bars: Choice<number>;
  readonly application: Choice<string>;
  readonly timeSignature: Choice<string>;
  readonly moods: readonly Reading<string>[];
  readonly styles: readonly Reading<string>[];
}

export interface ResolvedRequest {
  readonly request: ArrangeRequest;
  readonly reading: RequestReading;
}

export const MAX_BARS = 256;

/** The same choice shown as text (a key as "Bb minor", a meter as "3/4"). */
function relabel<T>(choice: Choice<T>, value: string): Choice<string> {
  return { value, from: choice.from, ...(choice.words !== undefined ? { words: choice.words } : {}) };
}

function field<T>(name: string, read: () => T, input?: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof MusicError) throw new RequestFieldError(name, error.message, input);
    throw error;
  }
}

function chooseApplication(genre: Genre, fields: GenerateFields): Choice<ApplicationProfile> {
  if (fields.application !== undefined) {
    const profile = applicationProfile(genre, fields.application);
    if (!profile) {
      const names = APPLICATIONS[genre].map((a) => a.id).join(', ');
      throw new RequestFieldError(
        'application',
        `'${fields.application}' is not a ${genre} application: use ${names}`,
      );
    }
    return { value: profile, from: 'field' };
  }
  const read = readApplication(genre, fields.description);
  if (read) return { value: read.value, from: 'description', words: read.words };
  const fallback = APPLICATIONS[genre][0];
  if (!fallback) throw new Error(`internal: ${genre} has no applications`);
  return { value: fallback, from: 'default' };
}

function chooseTempo(
  application: ApplicationProfile,
  fields: GenerateFields,
  described?: Reading<number>,
): Choice<number> {
  const asked: Choice<number> =
    fields.tempo !== undefined
      ? { value: fields.tempo, from: 'field' }
      : described
        ? { value: described.value, from: 'description', words: described.words }
        : { value: application.defaultTempo, from: 'default' };
  if (!(asked.value > 0) || !Number.isFinite(asked.value)) {
    throw new RequestFieldError('tempo', `must be a positive number of beats per minute, got ${asked.value}`);
  }
  const [low, high] = application.tempo;
  const value = Math.round(Math.min(high, Math.max(low, asked.value)));
  return value === asked.value ? asked : { ...asked, value, adjustedFrom: asked.value };
}

function chooseBars(genre: Genre, fields: GenerateFields, chartBars?: number, described?: Reading<number>) {
  const choice: Choice<number> =
    fields.numBars !== undefined
      ? { value: fields.numBars, from: 'field' }
      : described
        ? { value: described.value, from: 'description', words: described.words }
        : chartBars !== undefined
          ? { value: chartBars, from: 'chart' }
          : { value: DEFAULT_BARS[genre], from: 'default' };
  if (!Number.isInteger(choice.value) || choice.value < 1 || choice.value > MAX_BARS) {
    throw new RequestFieldError(
      choice.from === 'description' ? 'description' : 'num_bars',
      `the number of bars must be a whole number from 1 to ${MAX_BARS}, got ${choice.value}`,
    );
  }
  return choice;
}

function checkPattern(genre: Genre, hand: 'left' | 'right', id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const arranger = GENRE_ARRANGERS[genre];
  const patterns = hand === 'left' ? arranger?.leftHand : arranger?.rightHand;
  const wanted = id
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const found = patterns?.find((p) => p.id === wanted || p.name.toLowerCase() === id.trim().toLowerCase());
  if (!found) {
    const names = (patterns ?? []).map((p) => p.id).join(', ');
    throw new RequestFieldError(
      `${hand}_hand`,
      `'${id}' is not a ${genre} ${hand}-hand pattern: use ${names}`,
    );
  }
  return found.id;
}

/**
 * Turns what the user typed into a musical request: explicit fields win over the description, the
 * description over the genre's and application's defaults. The tempo is moved into the application's
 * range (the reading says so); anything unusable throws RequestFieldError naming the field.
 */
export function resolveRequest(genre: Genre, fields: GenerateFields): ResolvedRequest {
  const text = fields.description;
  const described = readDescription(text);
  const chart =
    fields.chordChart !== undefined && fields.chordChart.trim().length > 0
      ? field('chord_chart', () => parseChart(fields.chordChart ?? ''), fields.chordChart)
      : undefined;
  const application = chooseApplication(genre, fields);
  const key: Choice<Key> =
    fields.key !== undefined
      ? { value: field('key', () => parseKey(fields.key ?? ''), fields.key), from: 'field' }
      : described.key
        ? { value: described.key.value, from: 'description', words: described.key.words }
        : { value: parseKey(genre === 'blues' ? 'E' : genre === 'jazz' ? 'Bb' : 'C'), from: 'default' };
  const meter: Choice<TimeSignature> =
    fields.timeSignature !== undefined
      ? {
          value: field('time_signature', () => parseTimeSignature(fields.timeSignature ?? '')),
          from: 'field',
        }
      : { value: { beats: 4, beatType: 4 }, from: 'default' };
  if (meter.value.beats > 12) {
    throw new RequestFieldError('time_signature', `at most 12 beats a bar, got ${fields.timeSignature}`);
  }
  // "ballad" or "slow" that chose the application already says the tempo: use that application's own.
  const sameWord = described.tempo?.words.toLowerCase() === application.words?.toLowerCase();
  const tempo = chooseTempo(application.value, fields, sameWord ? undefined : described.tempo);
  const bars = chooseBars(genre, fields, chart?.length, described.bars);
  if (fields.swingRatio !== undefined && !(fields.swingRatio >= 1 && fields.swingRatio <= 3)) {
    throw new RequestFieldError(
      'swing_ratio',
      `must be from 1.0 (straight) to 3.0, got ${fields.swingRatio}`,
    );
  }
  const aiPercentage = fields.aiPercentage ?? 0;
  if (!(aiPercentage >= 0 && aiPercentage <= 1)) {
    throw new RequestFieldError('ai_percentage', `must be from 0.0 (pure rules) to 1.0, got ${aiPercentage}`);
  }
  const leftHand = checkPattern(genre, 'left', fields.leftHand);
  const rightHand = checkPattern(genre, 'right', fields.rightHand);
  const request: ArrangeRequest = {
    genre,
    application: application.value,
    key: key.value,
    tempo: tempo.value,
    meter: meter.value,
    bars: bars.value,
    styles: described.styles.map((s) => s.value),
    moods: described.moods.map((m) => m.value),
    aiPercentage,
    ...(leftHand !== undefined ? { leftHand } : {}),
    ...(rightHand !== undefined ? { rightHand } : {}),
    ...(fields.swingRatio !== undefined ? { swingRatio: fields.swingRatio } : {}),
    ...(chart !== undefined ? { chart } : {}),
  };
  const reading: RequestReading = {
    key: relabel(key, keyName(key.value)),
    tempo,
    bars,
    application: relabel(application, application.value.id),
    timeSignature: relabel(meter, formatTimeSignature(meter.value)),
    moods: described.moods,
    styles: described.styles,
  };
  return { request, reading };
}
