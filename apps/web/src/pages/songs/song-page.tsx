import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fetchSong, practiseSong, type SongDetailResponse } from '../../api/songs.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { Player } from '../../components/player/player.js';
import { ScoreView, type RenderedScore } from '../../components/score-view/score-view.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import { genreLabel } from './song-genres.js';
import './songs.css';

/** The song: its facts, the engraved score with the player, downloads and "Practise this song". */
function SongView({ song }: { readonly song: SongDetailResponse }) {
  const [rendered, setRendered] = useState<RenderedScore | null>(null);
  const navigate = useNavigate();
  const practise = useMutation({
    mutationFn: () => practiseSong(song.id),
    onSuccess: (answer) => void navigate(answer.practice_url),
  });
  const facts: [string, string][] = [
    ['Level', `${song.level} / 10`],
    ['Key', song.key],
    ['Meter', song.time_signature],
    ['Tempo', `${Math.round(song.tempo)} bpm`],
    ['Bars', String(song.bars)],
    ['Genres', song.genres.map(genreLabel).join(', ')],
  ];
  return (
    <>
      <p className="song-back">
        <Link to="/songs">← All songs</Link>
      </p>
      <h1>{song.title}</h1>
      <p className="lead">
        {song.composer} · {song.origin}
      </p>
      <section className="panel" aria-labelledby="song-about">
        <h2 id="song-about" className="visually-hidden">
          About this song
        </h2>
        <dl className="practice-facts" aria-label="About this song">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {song.skills.length > 0 && (
          <p>
            <strong>What it teaches:</strong> {song.skills.join(', ')}.
            {song.has_chords && ' The score carries chord symbols.'}
          </p>
        )}
        <div className="song-actions">
          <button type="button" onClick={() => practise.mutate()} disabled={practise.isPending}>
            {practise.isPending ? 'Opening the practice page…' : 'Practise this song'}
          </button>
          <span className="song-downloads">
            Download: <a href={song.urls.score_pdf_url}>PDF</a> · <a href={song.urls.midi_url}>MIDI</a> ·{' '}
            <a href={song.urls.musicxml_url}>MusicXML</a> · <a href={song.urls.audio_url}>WAV</a> ·{' '}
            <a href={song.urls.mp3_url}>MP3</a>
          </span>
        </div>
        {practise.isError && (
          <ErrorPanel title="Could not open the song for practice." error={practise.error} />
        )}
      </section>
      <section className="panel" aria-labelledby="song-score">
        <h2 id="song-score">Score</h2>
        <ScoreView musicXml={song.musicxml} label={`Score of ${song.title}`} onRendered={setRendered} />
        {rendered && (
          <Player
            audioUrl={song.urls.audio_url}
            timemap={rendered.timemap}
            svgContainer={rendered.svgContainer}
            onNoteOn={rendered.showElement}
            label={`Play ${song.title}`}
          />
        )}
      </section>
    </>
  );
}

/** /songs/{id}: one milestone song, loaded from GET /songs/{id}. */
export function SongPage() {
  const { id = '' } = useParams();
  const song = useQuery({ queryKey: ['song', id], queryFn: () => fetchSong(id), staleTime: Infinity });
  usePageTitle(song.data?.title ?? 'Song');
  if (song.isPending) return <p className="muted">Loading the song…</p>;
  if (song.isError)
    return (
      <>
        <p className="song-back">
          <Link to="/songs">← All songs</Link>
        </p>
        <h1>Song</h1>
        <ErrorPanel title="Could not open this song." error={song.error} />
      </>
    );
  return <SongView song={song.data} />;
}
