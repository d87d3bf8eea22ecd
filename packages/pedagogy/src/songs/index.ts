/** The milestone song catalogue (issue 8). */
export * from './song-types.js';
export { SONG_CATALOGUE, findSong, songSummaries, songsFor } from './song-catalogue.js';
export { buildSongScore, defineSong, type SongSource } from './define-song.js';
export {
  parseChordLine,
  parseNotation,
  parseNoteValue,
  type NotationContext,
  type ParsedLine,
} from './song-notation.js';
export {
  LEFT_HAND_STYLES,
  leftHandFromChords,
  leftHandVoicing,
  type LeftHandStyle,
} from './song-left-hand.js';
