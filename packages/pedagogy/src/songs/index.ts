/** The milestone song catalogue (issue 8). */
export * from './song-types.js';
