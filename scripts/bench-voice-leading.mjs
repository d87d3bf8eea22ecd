// Voice-leading benchmark: runs checkVoiceLeading over the 120 Bach chorales in ../shared/eval/scores/bach,
// prints the part-writing rates next to the published Bach yardstick, and appends a dated section to
// docs/benchmarks.md. Imports the BUILT packages, so run `npx tsc -b` first:
//   npx tsc -b && npm run bench:voice-leading
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const CHORALES = new URL('../../shared/eval/scores/bach/', import.meta.url);
const BENCHMARKS = new URL('../docs/benchmarks.md', import.meta.url);

/** Published Bach figures (364 chorales, semitone-interval check), from ../shared/eval/README.md. */
const PUBLISHED = { fifths: 0.62, octaves: 0.21, nonePercent: 89, crossing: 8.2, spacing: 7.2 };

async function load() {
  try {
    const core = await import('@cadenza/core');
    const formats = await import('@cadenza/formats');
    if (typeof formats.readMusicXml !== 'function')
      throw new Error('@cadenza/formats does not export readMusicXml yet');
    return { checkVoiceLeading: core.checkVoiceLeading, readMusicXml: formats.readMusicXml };
  } catch (error) {
    console.error(`Cannot load the built packages (${error.message}). Run \`npx tsc -b\` first.`);
    process.exit(1);
  }
}

function main({ checkVoiceLeading, readMusicXml }) {
  if (!existsSync(CHORALES)) {
    console.error(
      `No chorales at ${fileURLToPath(CHORALES)}: this benchmark needs ../shared/eval next to the repo.`,
    );
    process.exit(1);
  }
  const files = readdirSync(CHORALES)
    .filter((f) => f.endsWith('.mxl'))
    .sort();
  const total = { motions: 0, verticalities: 0, adjacentPairs: 0, upperPairs: 0, clean: 0 };
  const found = {
    fifths: 0,
    octaves: 0,
    antiFifths: 0,
    antiOctaves: 0,
    hidden: 0,
    crossing: 0,
    spacing: 0,
    range: 0,
  };
  let readMs = 0;
  let checkMs = 0;
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(new URL(file, CHORALES)));
    let t = performance.now();
    const score = readMusicXml(bytes);
    readMs += performance.now() - t;
    t = performance.now();
    const report = checkVoiceLeading(score);
    checkMs += performance.now() - t;
    const c = report.counts;
    const n = c.findings;
    total.motions += c.voicePairMotions;
    total.verticalities += c.verticalities;
    total.adjacentPairs += c.adjacentPairChecks;
    total.upperPairs += c.upperPairChecks;
    if (n['parallel-fifths'] + n['parallel-octaves'] === 0) total.clean++;
    found.fifths += n['parallel-fifths'];
    found.octaves += n['parallel-octaves'];
    found.antiFifths += n['antiparallel-fifths'];
    found.antiOctaves += n['antiparallel-octaves'];
    found.hidden += n['hidden-fifths'] + n['hidden-octaves'];
    found.crossing += n['voice-crossing'];
    found.spacing += n.spacing;
    found.range += n.range;
  }
  const per1000 = (count, of) => (of === 0 ? 0 : (1000 * count) / of);
  const f2 = (x) => x.toFixed(2);
  const rows = [
    ['chorales', String(files.length), '364'],
    ['voice-pair motions', String(total.motions), ''],
    ['verticalities', String(total.verticalities), ''],
    [
      'parallel fifths per 1,000 motions',
      `${f2(per1000(found.fifths, total.motions))} (${found.fifths})`,
      f2(PUBLISHED.fifths),
    ],
    [
      'parallel octaves per 1,000 motions',
      `${f2(per1000(found.octaves, total.motions))} (${found.octaves})`,
      f2(PUBLISHED.octaves),
    ],
    [
      'fifths + octaves per 1,000 motions',
      f2(per1000(found.fifths + found.octaves, total.motions)),
      f2(PUBLISHED.fifths + PUBLISHED.octaves),
    ],
    [
      'chorales with no parallels',
      `${((100 * total.clean) / Math.max(1, files.length)).toFixed(1)} %`,
      `${PUBLISHED.nonePercent} %`,
    ],
    [
      'crossing per 1,000 verticalities',
      `${f2(per1000(found.crossing, total.verticalities))} (${found.crossing})`,
      f2(PUBLISHED.crossing),
    ],
    ['crossing per 1,000 adjacent-pair checks', f2(per1000(found.crossing, total.adjacentPairs)), ''],
    [
      'spacing per 1,000 verticalities',
      `${f2(per1000(found.spacing, total.verticalities))} (${found.spacing})`,
      f2(PUBLISHED.spacing),
    ],
    ['spacing per 1,000 upper-pair checks', f2(per1000(found.spacing, total.upperPairs)), ''],
    ['antiparallel fifths / octaves (count)', `${found.antiFifths} / ${found.antiOctaves}`, ''],
    ['hidden fifths + octaves, outer voices (count)', String(found.hidden), ''],
    ['notes out of SATB range (count)', String(found.range), ''],
    ['time: read MusicXML / check', `${readMs.toFixed(0)} ms / ${checkMs.toFixed(0)} ms`, ''],
  ];
  const table = [
    '| measure | Cadenza | published Bach |',
    '|---|---|---|',
    ...rows.map(([name, ours, theirs]) => `| ${name} | ${ours} | ${theirs} |`),
  ].join('\n');
  console.log(table);

  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, Node ${process.version}`;
  const section = [
    '',
    `## Voice leading on the Bach chorales, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `\`npm run bench:voice-leading\` on ${machine}: \`checkVoiceLeading\` over the ${files.length} chorales in`,
    '`../shared/eval/scores/bach` (encodings from the music21 corpus, BSD-3), read with `readMusicXml`. The',
    'published figures are for 364 chorales (semitone-interval check) from `../shared/eval/README.md`.',
    '',
    table,
    '',
    'Crossing and spacing are counted once per verticality and pair. Divided by the pairs checked (3 adjacent',
    'pairs, 2 upper pairs per four-voice verticality) they land near the published figures, which suggests',
    'the yardstick normalises per pair checked rather than per verticality.',
    '',
  ].join('\n');
  if (!existsSync(BENCHMARKS)) {
    writeFileSync(
      BENCHMARKS,
      '# Benchmarks\n\nSpeed and accuracy figures, appended by the `npm run bench:*` scripts (newest last).\n',
    );
  }
  // One blank line between entries, whatever the file ends with.
  const endsWithBlankLine = readFileSync(BENCHMARKS, 'utf8').endsWith('\n\n');
  appendFileSync(BENCHMARKS, endsWithBlankLine ? section.slice(1) : section);
  console.log(`\nAppended to ${fileURLToPath(BENCHMARKS)}`);
}

main(await load());
