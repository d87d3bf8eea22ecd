export * from './parse-chart.js';
export * from './read-description.js';
export * from './read-application.js';
export * from './resolve-request.js';
