export * from './theory.js';
