/** Part-writing checks (parallels, hidden fifths and octaves, crossing, spacing, range); see voice-leading/README.md. */
export * from './voice-leading/index.js';
