export * from './parse-chart.js';
export * from './read-description.js';
