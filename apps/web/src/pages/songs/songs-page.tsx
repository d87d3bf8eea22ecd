import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchSongs, type SongFilters, type SongSummaryView } from '../../api/songs.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import { genreLabel, SONG_GENRES } from './song-genres.js';
import './songs.css';

const LEVELS = Array.from({ length: 10 }, (_, i) => String(i + 1));

/** One song in the list: a link to its page with the facts that help choose it. */
function SongCard({ song }: { readonly song: SongSummaryView }) {
  return (
    <li className="song-card">
      <Link className="song-card__link" to={`/songs/${song.id}`}>
        <span className="song-card__title">{song.title}</span>
        <span className="song-card__composer">{song.composer}</span>
      </Link>
      <dl className="song-card__facts">
        <div>
          <dt>Level</dt>
          <dd>{song.level}</dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd>{song.key}</dd>
        </div>
        <div>
          <dt>Meter</dt>
          <dd>{song.time_signature}</dd>
        </div>
      </dl>
      <ul className="song-card__genres" aria-label="Genres">
        {song.genres.map((genre) => (
          <li key={genre}>{genreLabel(genre)}</li>
        ))}
      </ul>
    </li>
  );
}

/**
 * Songs: the milestone catalogue (public-domain pieces and traditional tunes) filtered by level, genre and
 * title words, kept in the address so a filtered list can be linked; each card opens the song's page.
 */
export function SongsPage() {
  usePageTitle('Songs');
  const [params, setParams] = useSearchParams();
  const filters: SongFilters = {
    level: params.get('level') ?? undefined,
    genre: params.get('genre') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const [title, setTitle] = useState(filters.q ?? '');
  const levelId = useId();
  const genreId = useId();
  const titleId = useId();
  const songs = useQuery({
    queryKey: ['songs', filters.level, filters.genre, filters.q],
    queryFn: () => fetchSongs(filters),
    staleTime: Infinity,
  });

  const setFilter = (name: keyof SongFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', title.trim());
  };

  let body;
  if (songs.isPending) body = <p className="muted">Loading the songs…</p>;
  else if (songs.isError) body = <ErrorPanel title="Could not load the songs." error={songs.error} />;
  else if (songs.data.songs.length === 0)
    body = (
      <div className="panel">
        <p>No song matches these filters. Try another level or genre.</p>
      </div>
    );
  else
    body = (
      <>
        <p className="muted" aria-live="polite">
          {songs.data.songs.length} of {songs.data.total} songs
        </p>
        <ul className="song-list" aria-label="Songs">
          {songs.data.songs.map((song) => (
            <SongCard key={song.id} song={song} />
          ))}
        </ul>
      </>
    );

  return (
    <>
      <h1>Songs</h1>
      <p className="lead">
        Public-domain pieces and traditional tunes, graded by level. Open one to read and hear it, then
        practise it like any exercise.
      </p>
      <form className="panel inline-form song-filters" onSubmit={search} aria-label="Filter the songs">
        <label htmlFor={levelId}>Level</label>
        <select id={levelId} value={filters.level ?? ''} onChange={(e) => setFilter('level', e.target.value)}>
          <option value="">Any</option>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
        <label htmlFor={genreId}>Genre</label>
        <select id={genreId} value={filters.genre ?? ''} onChange={(e) => setFilter('genre', e.target.value)}>
          <option value="">Any</option>
          {SONG_GENRES.map((genre) => (
            <option key={genre.value} value={genre.value}>
              {genre.label}
            </option>
          ))}
        </select>
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          className="input-wide"
          type="search"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="e.g. joy"
        />
        <button type="submit" className="button-secondary">
          Search
        </button>
      </form>
      {body}
    </>
  );
}
