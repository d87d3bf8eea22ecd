/** Scrolling-score video: the score as one engraved strip, scrolled and highlighted in time with its audio. */
export * from './video-error.js';
export * from './strip-geometry.js';
export * from './score-timeline.js';
export * from './scroll-plan.js';
export * from './frame-painter.js';
export * from './plan-score-video.js';
export * from './render-score-video.js';
