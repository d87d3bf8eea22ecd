// Rendering benchmark: runs every section module in scripts/bench-render/ (synthesis, engraving,
// encoding, then any other, alphabetically), prints their tables, and appends ONE dated section with all
// of them to docs/benchmarks.md. Imports the BUILT packages, so run `npx tsc -b` first:
//   npx tsc -b && npm run bench:render
//   BENCH_ONLY=synthesis BENCH_NO_RECORD=1 npm run bench:render   # one section, not recorded
//
// A section is a module exporting `async function run({ log })`: it does its measurements, may call
// `log(text)` for progress on stderr, and returns the markdown lines of its part of the record, starting
// with a `### Title` heading. It throws (or returns lines saying so) when a tool it needs is missing.
import console from 'node:console';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const SECTIONS_DIR = new URL('./bench-render/', import.meta.url);
const BENCHMARKS = new URL('../docs/benchmarks.md', import.meta.url);
const ORDER = ['synthesis', 'engraving', 'encoding'];

function sectionFiles() {
  const names = readdirSync(SECTIONS_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => f.slice(0, -'.mjs'.length));
  const rank = (n) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  return names
    .filter((n) => !only || only.includes(n))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function main() {
  const log = (text) => process.stderr.write(`${text}\n`);
  const load = loadavg()[0].toFixed(2);
  const parts = [];
  const failed = [];
  for (const name of sectionFiles()) {
    log(`\n== ${name} ==`);
    try {
      const section = await import(pathToFileURL(fileURLToPath(new URL(`${name}.mjs`, SECTIONS_DIR))).href);
      const lines = await section.run({ log });
      console.log(`\n${lines.join('\n')}`);
      parts.push(lines.join('\n'));
    } catch (error) {
      failed.push(name);
      console.error(`Section ${name} failed: ${error?.stack ?? error}`);
    }
  }
  if (parts.length === 0) {
    console.error('No section produced results.');
    process.exit(1);
  }
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, Node ${process.version}`;
  const record = [
    '',
    `## Rendering: synthesis, engraving, encoding, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `\`npm run bench:render\` on ${machine} (1-minute load average before the run: ${load}; the machine is`,
    'shared, so times are upper bounds).',
    '',
    parts.join('\n\n'),
    '',
  ].join('\n');
  if (process.env.BENCH_NO_RECORD) {
    console.log('\nBENCH_NO_RECORD is set: not appended to docs/benchmarks.md');
  } else {
    if (!existsSync(BENCHMARKS)) writeFileSync(BENCHMARKS, '# Benchmarks\n');
    // One blank line between entries, whatever the file ends with.
    const endsWithBlankLine = readFileSync(BENCHMARKS, 'utf8').endsWith('\n\n');
    appendFileSync(BENCHMARKS, endsWithBlankLine ? record.slice(1) : record);
    console.log(`\nAppended to ${fileURLToPath(BENCHMARKS)}`);
  }
  if (failed.length > 0) process.exit(1);
}

await main();
