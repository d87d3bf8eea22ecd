/** Kept for importers that name this module; the container code lives in mxl-container.ts. */
export { writeMxlContainer } from './mxl-container.js';
