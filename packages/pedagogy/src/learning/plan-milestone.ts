import type { Rng } from '@cadenza/core';
import type { SongSummary } from '../songs/song-types.js';
import type { LearnerProfile, LearningGenre } from './learning-types.js';

/** How far a milestone's level may sit from the week's level. */
export const MILESTONE_LEVEL_SPREAD = 1;

export interface MilestoneChoice {
  /** Song id, or '' when the catalogue given is empty. */
  readonly songId: string;
  readonly song?: SongSummary;
  readonly reason: string;
}

const genreWord = (g: string): string =>
  g === 'neosoul' ? 'Neo-soul' : g.charAt(0).toUpperCase() + g.slice(1);

/**
 * The week's milestone song, in this order of preference:
 * 1. a target song of the student's within ±1 level of the week's level, not yet a milestone;
 * 2. a song in a preferred genre within ±1 level (one not used yet before one used longest ago), the
 *    stated preferences before genres the goals name;
 * 3. any song within ±1 level (unused first);
 * 4. the song nearest the level (preferred genres first).
 * Within a group the nearest level wins, then a seeded draw. With no songs at all the milestone is ''.
 */
export function chooseMilestone(
  profile: LearnerProfile,
  options: {
    readonly songs: readonly SongSummary[];
    readonly level: number;
    readonly genres: readonly LearningGenre[];
    /** Milestones of the earlier weeks, oldest first. */
    readonly used: readonly string[];
    readonly rng: Rng;
  },
): MilestoneChoice {
  const { songs, level, genres, used, rng } = options;
  if (songs.length === 0)
    return { songId: '', reason: 'No milestone song this week: the song list is empty' };
  const fits = (s: SongSummary): boolean => Math.abs(s.level - level) <= MILESTONE_LEVEL_SPREAD;
  const liked = (s: SongSummary): boolean => s.genres.some((g) => genres.includes(g));
  const lastUse = (s: SongSummary): number => used.lastIndexOf(s.id);
  const best = (group: readonly SongSummary[]): SongSummary | undefined => {
    if (group.length === 0) return undefined;
    const shuffled = rng.shuffle(group);
    return shuffled.sort(
      (a, b) => lastUse(a) - lastUse(b) || Math.abs(a.level - level) - Math.abs(b.level - level),
    )[0];
  };
  const targets = songs.filter((s) => profile.targetSongs.includes(s.id) && fits(s) && !used.includes(s.id));
  const target = best(targets);
  if (target) {
    return {
      songId: target.id,
      song: target,
      reason: `Milestone: ${target.title}, one of your target songs (level ${target.level})`,
    };
  }
  // Stated preferences first, then genres the goals name.
  const stated = (s: SongSummary): boolean => s.genres.some((g) => profile.preferredGenres.includes(g));
  const genreSong =
    best(songs.filter((s) => fits(s) && stated(s))) ?? best(songs.filter((s) => fits(s) && liked(s)));
  if (genreSong) {
    const genre = genreSong.genres.find((g) => genres.includes(g)) ?? genreSong.genres[0] ?? '';
    return {
      songId: genreSong.id,
      song: genreSong,
      reason: `${genreWord(genre)} milestone: ${genreSong.title} (level ${genreSong.level}) because you like ${genre === 'neosoul' ? 'neo-soul' : genre}`,
    };
  }
  const near = best(songs.filter(fits));
  if (near) {
    return {
      songId: near.id,
      song: near,
      reason: `Milestone: ${near.title} (level ${near.level}), at your level`,
    };
  }
  const distance = (s: SongSummary): number => Math.abs(s.level - level) - (liked(s) ? 0.5 : 0);
  const nearest = [...songs].sort(
    (a, b) => distance(a) - distance(b) || lastUse(a) - lastUse(b),
  )[0] as SongSummary;
  return {
    songId: nearest.id,
    song: nearest,
    reason: `Milestone: ${nearest.title} (level ${nearest.level}), the nearest song to your level`,
  };
}
