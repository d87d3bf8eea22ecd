import type { SongDetailResponse, SongListQuery, SongSummaryView, SongUrls } from '@cadenza/contracts';
import { writeMusicXml } from '@cadenza/formats';
import type { CatalogueSong, SongSummary } from '@cadenza/pedagogy';

/** A catalogue song's facts as the API, the CLI's --json and the web page show them (snake_case). */
export function songSummaryView(song: SongSummary): SongSummaryView {
  return {
    id: song.id,
    title: song.title,
    composer: song.composer,
    origin: song.origin,
    level: song.level,
    genres: [...song.genres],
    key: song.key,
    time_signature: song.timeSignature,
    tempo: song.tempo,
    bars: song.bars,
    has_chords: song.hasChords,
    skills: [...song.skills],
  };
}

/** Where a song's files are served (the HTTP routes follow these paths). */
export function songUrls(id: string): SongUrls {
  const base = `/songs/${encodeURIComponent(id)}`;
  return {
    audio_url: `${base}/audio.wav`,
    mp3_url: `${base}/audio.mp3`,
    score_pdf_url: `${base}/score.pdf`,
    score_png_url: `${base}/score.png`,
    midi_url: `${base}/score.mid`,
    musicxml_url: `${base}/score.musicxml`,
  };
}

/** One song with its MusicXML and file URLs (GET /songs/{id}). */
export function songDetail(song: CatalogueSong): SongDetailResponse {
  return { ...songSummaryView(song), musicxml: writeMusicXml(song.score()), urls: songUrls(song.id) };
}

/**
 * The songs a list query asks for: at the level, tagged with the genre, whose title holds every word of
 * `q` (any case, accents ignored), by level and then title.
 */
export function filterSongs<T extends SongSummary>(songs: readonly T[], query: SongListQuery): T[] {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const words = fold(query.q ?? '')
    .split(/\s+/)
    .filter((w) => w !== '');
  return songs
    .filter((s) => query.level === undefined || s.level === query.level)
    .filter((s) => query.genre === undefined || s.genres.includes(query.genre))
    .filter((s) => words.every((w) => fold(s.title).includes(w)))
    .sort((a, b) => a.level - b.level || a.title.localeCompare(b.title));
}
