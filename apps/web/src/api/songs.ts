// Types only: importing values from contracts would bundle zod into the studio.
import type {
  SongDetailResponse,
  SongListResponse,
  SongPracticeResponse,
  SongSummaryView,
} from '@cadenza/contracts';
import { requestJson, withQuery } from './http.js';

export type { SongDetailResponse, SongListResponse, SongSummaryView };
export type SongGenre = SongSummaryView['genres'][number];

/** The list filters the Songs page keeps in its address (?level=&genre=&q=). */
export interface SongFilters {
  readonly level?: string | undefined;
  readonly genre?: string | undefined;
  readonly q?: string | undefined;
}

/** GET /songs: the milestone songs matching the filters, by level then title. */
export const fetchSongs = (filters: SongFilters) =>
  requestJson<SongListResponse>(
    withQuery('/songs', { level: filters.level, genre: filters.genre, q: filters.q }),
  );

/** GET /songs/{id}: one song's facts, MusicXML and file URLs. */
export const fetchSong = (id: string) => requestJson<SongDetailResponse>(`/songs/${encodeURIComponent(id)}`);

/** POST /songs/{id}/practice: the song kept as a practice exercise; open it at practice_url. */
export const practiseSong = (id: string) =>
  requestJson<SongPracticeResponse>(`/songs/${encodeURIComponent(id)}/practice`, { method: 'POST' });
