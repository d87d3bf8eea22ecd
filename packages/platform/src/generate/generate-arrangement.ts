import { randomInt } from 'node:crypto';
import { keyName } from '@cadenza/core';
import type { GenerateGenre, GenerateRequest, GenerationResponse } from '@cadenza/contracts';
import { writeMidi, writeMusicXml } from '@cadenza/formats';
import {
  arrange,
  resolveRequest,
  rulesProposer,
  type Arrangement,
  type ArrangeRequest,
  type ProgressionProposer,
  type RequestReading,
} from '@cadenza/pedagogy';
import { chordProgressionReport, generationMetadata, notePreview } from './generation-report.js';
import { cachingProposer, progressionCacheKey, type ProgressionCache } from './progression-cache.js';

export interface GenerateOptions {
  /** Progressions already proposed for the same (description, genre, key, …, seed). */
  readonly cache?: ProgressionCache;
  /** Proposes progressions first (a language model, later); default: the genre's rules. */
  readonly proposer?: ProgressionProposer;
}

/** One generated arrangement with everything each door needs: files, report, and how it was read. */
export interface GeneratedArrangement {
  readonly genre: GenerateGenre;
  readonly title: string;
  readonly seed: number;
  readonly request: ArrangeRequest;
  readonly reading: RequestReading;
  readonly arrangement: Arrangement;
  readonly midi: Uint8Array;
  readonly musicxml: string;
  /** The response without the download id, URL and library item (the caller stores the MIDI). */
  readonly report: Omit<GenerationResponse, 'id' | 'download_url' | 'item_id'>;
}

const GENRE_NAMES: Readonly<Record<GenerateGenre, string>> = {
  gospel: 'Gospel',
  jazz: 'Jazz',
  blues: 'Blues',
  classical: 'Classical',
  neosoul: 'Neo-soul',
};

/** The title: the user's, else the description's first words, else "Gospel in C major". */
export function arrangementTitle(
  genre: GenerateGenre,
  body: GenerateRequest,
  request: ArrangeRequest,
): string {
  if (body.title) return body.title;
  const words = body.description.trim().replace(/\s+/g, ' ');
  if (words.length === 0) return `${GENRE_NAMES[genre]} in ${keyName(request.key)}`;
  const cut = words.length <= 60 ? words : `${words.slice(0, 60).replace(/\s+\S*$/, '')}…`;
  return cut.charAt(0).toUpperCase() + cut.slice(1);
}

/**
 * Generates an arrangement for a validated request body: reads the request (RequestFieldError names a
 * bad field), arranges it with the seed (a fresh one when none is given), writes MIDI and MusicXML.
 * Same body and seed → the same MIDI bytes.
 */
export function generateArrangement(
  genre: GenerateGenre,
  body: GenerateRequest,
  options: GenerateOptions = {},
): GeneratedArrangement {
  const { request, reading } = resolveRequest(genre, {
    description: body.description,
    ...(body.key !== undefined ? { key: body.key } : {}),
    ...(body.tempo !== undefined ? { tempo: body.tempo } : {}),
    ...(body.num_bars !== undefined ? { numBars: body.num_bars } : {}),
    ...(body.application !== undefined ? { application: body.application } : {}),
    ...(body.time_signature !== undefined ? { timeSignature: body.time_signature } : {}),
    ...(body.chord_chart !== undefined ? { chordChart: body.chord_chart } : {}),
    ...(body.left_hand !== undefined ? { leftHand: body.left_hand } : {}),
    ...(body.right_hand !== undefined ? { rightHand: body.right_hand } : {}),
    ...(body.swing_ratio !== undefined ? { swingRatio: body.swing_ratio } : {}),
    ...(body.ai_percentage !== undefined ? { aiPercentage: body.ai_percentage } : {}),
  });
  const seed = body.seed ?? randomInt(0, 2 ** 31 - 1);
  const title = arrangementTitle(genre, body, request);
  const inner = options.proposer ?? rulesProposer;
  const proposer = options.cache
    ? cachingProposer(inner, options.cache, progressionCacheKey(request, body.description, seed))
    : inner;
  const arrangement = arrange(request, seed, title, { proposer });
  const midi = writeMidi(arrangement.score);
  const musicxml = writeMusicXml(arrangement.score);
  return {
    genre,
    title,
    seed,
    request,
    reading,
    arrangement,
    midi,
    musicxml,
    report: {
      midi_base64: Buffer.from(midi).toString('base64'),
      chord_progression: body.include_progression ? chordProgressionReport(arrangement, request.meter) : [],
      metadata: generationMetadata(request, arrangement),
      note_preview: notePreview(arrangement.score, request.meter),
      musicxml,
      seed,
      reading: {
        ...reading,
        moods: [...reading.moods],
        styles: [...reading.styles],
      },
    },
  };
}
