// Types only: importing values from contracts would bundle zod into the studio.
import type {
  ChordInfo,
  GenerateGenre,
  GenerationMetadata,
  GenerationResponse,
  RequestReadingReport,
} from '@cadenza/contracts';
import { requestJson } from './http.js';

export type { ChordInfo, GenerateGenre, GenerationMetadata, GenerationResponse, RequestReadingReport };

/**
 * The JSON body of POST /{genre}/generate as the studio sends it: only the fields the musician set
 * (the server reads the rest from the description or uses the genre's defaults).
 */
export interface GenerateBody {
  readonly description: string;
  readonly include_progression: true;
  readonly key?: string;
  readonly tempo?: number;
  readonly num_bars?: number;
  readonly application?: string;
  readonly time_signature?: string;
  readonly chord_chart?: string;
  readonly left_hand?: string;
  readonly right_hand?: string;
  readonly swing_ratio?: number;
  readonly seed?: number;
  readonly title?: string;
}

/** One arrangement asked for: the genre picks the endpoint. */
export interface GenerateCall {
  readonly genre: GenerateGenre;
  readonly body: GenerateBody;
}

/** POST /{genre}/generate: the arrangement, its chord chart, score, MIDI download and how it was read. */
export const generateArrangement = ({ genre, body }: GenerateCall) =>
  requestJson<GenerationResponse>(`/${genre}/generate`, { method: 'POST', body });
