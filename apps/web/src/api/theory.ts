import { request, requestJson, withQuery } from './http.js';
import type { ChordReport, ProgressionReport, ScaleListResponse, ScaleReport } from '@cadenza/contracts';

/** The JSON the theory endpoints return (the same as `cadenza theory … --json`), typed by the contracts. */
export type { ChordReport, ProgressionReport, ScaleReport };
export type IntervalInfo = ChordReport['intervals'][number];
export type ScaleInfo = ScaleListResponse['scales'][number];

/** What a theory result can be fetched as besides JSON. */
export type MusicFormat = 'musicxml' | 'wav';

/** One theory request, so a result can be fetched again as notation or audio. */
export type TheoryQuery =
  | { readonly kind: 'chord'; readonly symbol: string }
  | { readonly kind: 'scale'; readonly tonic: string; readonly name: string }
  | { readonly kind: 'analyze'; readonly key: string; readonly chords: string };

export function chordUrl(symbol: string, format: 'json' | MusicFormat): string {
  return withQuery('/theory/chord', { symbol, format });
}

export function scaleUrl(tonic: string, name: string, format: 'json' | MusicFormat): string {
  return withQuery('/theory/scale', { tonic, name, format });
}

export const fetchChord = (symbol: string) => requestJson<ChordReport>(chordUrl(symbol, 'json'));

export const fetchScale = (tonic: string, name: string) =>
  requestJson<ScaleReport>(scaleUrl(tonic, name, 'json'));

export const fetchScales = async (): Promise<readonly ScaleInfo[]> =>
  (await requestJson<ScaleListResponse>('/theory/scales')).scales;

export const fetchAnalysis = (key: string, chords: string) =>
  requestJson<ProgressionReport>('/theory/analyze', { method: 'POST', body: { key, chords } });

/**
 * A GET URL for the result in `format`, when there is one; the analysis is a POST, so it has none and
 * is fetched with fetchMusic instead.
 */
export function musicUrl(query: TheoryQuery, format: MusicFormat): string | undefined {
  switch (query.kind) {
    case 'chord':
      return chordUrl(query.symbol, format);
    case 'scale':
      return scaleUrl(query.tonic, query.name, format);
    case 'analyze':
      return undefined;
  }
}

/** Fetches the result as MusicXML text or WAV bytes. */
export async function fetchMusic(query: TheoryQuery, format: MusicFormat): Promise<Response> {
  if (query.kind === 'analyze') {
    return request(withQuery('/theory/analyze', { format }), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: query.key, chords: query.chords }),
    });
  }
  return request(musicUrl(query, format) ?? '');
}

export async function fetchMusicXml(query: TheoryQuery): Promise<string> {
  const response = await fetchMusic(query, 'musicxml');
  const text = await response.text();
  if (!text.includes('<score-partwise') && !text.includes('<score-timewise')) {
    throw new Error('The server did not send MusicXML for this result.');
  }
  return text;
}
