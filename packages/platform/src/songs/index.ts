/** The milestone song catalogue's doors: views for the API and CLI, its files, and a song as an exercise. */
export * from './song-view.js';
export * from './song-files.js';
export * from './song-exercise.js';
