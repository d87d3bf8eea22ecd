export * from './verovio-types.js';
export { withVerovio, verovioVersion } from './verovio-toolkit.js';
export * from './music-font.js';
export * from './text-fonts.js';
