export * from './roman-numeral-analysis.js';
export * from './roman-numeral-realize.js';
