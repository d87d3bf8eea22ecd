import type { SongGenre } from '../../api/songs.js';

/** The catalogue's genres with the words the Songs page shows for them. */
export const SONG_GENRES: readonly { readonly value: SongGenre; readonly label: string }[] = [
  { value: 'classical', label: 'Classical' },
  { value: 'folk', label: 'Folk' },
  { value: 'jazz', label: 'Jazz' },
  { value: 'blues', label: 'Blues' },
  { value: 'gospel', label: 'Gospel' },
  { value: 'neosoul', label: 'Neo-soul' },
  { value: 'pop', label: 'Pop' },
];

/** "Neo-soul" for neosoul; the value itself for a genre this list does not know yet. */
export function genreLabel(genre: string): string {
  return SONG_GENRES.find((g) => g.value === genre)?.label ?? genre;
}
