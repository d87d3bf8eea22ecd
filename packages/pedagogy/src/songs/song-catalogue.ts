import type { LearningGenre } from '../learning/learning-types.js';
import { BLUES_SONGS } from './songs-blues.js';
import { CLASSICAL_SONGS } from './songs-classical.js';
import { FOLK_SONGS } from './songs-folk.js';
import { GOSPEL_SONGS } from './songs-gospel.js';
import { JAZZ_NEOSOUL_SONGS } from './songs-jazz-neosoul.js';
import type { CatalogueSong, SongSummary } from './song-types.js';

/** Every milestone song, easiest first within each genre file; ids are unique (tests check). */
export const SONG_CATALOGUE: readonly CatalogueSong[] = [
  ...FOLK_SONGS,
  ...CLASSICAL_SONGS,
  ...GOSPEL_SONGS,
  ...BLUES_SONGS,
  ...JAZZ_NEOSOUL_SONGS,
];

/** The catalogue without the score builders: what a list or an API response shows. */
export function songSummaries(): SongSummary[] {
  return SONG_CATALOGUE.map(({ score: _score, ...summary }) => summary);
}

export function findSong(id: string): CatalogueSong | undefined {
  return SONG_CATALOGUE.find((s) => s.id === id);
}

/** Songs at a level (exactly) and/or carrying a genre, in catalogue order. */
export function songsFor(filter: {
  readonly level?: number;
  readonly genre?: LearningGenre;
}): CatalogueSong[] {
  return SONG_CATALOGUE.filter(
    (s) =>
      (filter.level === undefined || s.level === filter.level) &&
      (filter.genre === undefined || s.genres.includes(filter.genre)),
  );
}
