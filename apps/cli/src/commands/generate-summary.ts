import type { GeneratedArrangement } from '@cadenza/platform';

interface Choice {
  readonly value: string | number;
  readonly from: 'field' | 'description' | 'chart' | 'default';
  readonly words?: string;
  readonly adjustedFrom?: number;
}

function source(choice: Choice, flag: string): string {
  const moved =
    choice.adjustedFrom !== undefined
      ? `, asked ${choice.adjustedFrom}, moved into the application's range`
      : '';
  if (choice.from === 'field') return `from ${flag}${moved}`;
  if (choice.from === 'description') return `from "${choice.words ?? ''}"${moved}`;
  if (choice.from === 'chart') return `from the chart${moved}`;
  return `default${moved}`;
}

/** The replay hint printed with every result. */
export function seedLine(seed: number): string {
  return `seed ${seed}: the same command with --seed ${seed} gives the same MIDI`;
}

/**
 * A generated arrangement for people: the settings and where each came from, then the chord chart bar by
 * bar with numerals and the teaching comments, like a lead sheet with its analysis.
 */
export function generationSummary(result: GeneratedArrangement): string {
  const { metadata, reading, chord_progression: chords } = result.report;
  const row = (label: string, value: string, note = '') =>
    `  ${label.padEnd(12)} ${note ? value.padEnd(22) + ' ' + note : value}`.trimEnd();
  const lines = [
    result.title,
    '',
    row('genre', result.genre),
    row('key', metadata.key, source(reading.key, '--key')),
    row('tempo', `${metadata.tempo} bpm`, source(reading.tempo, '--tempo')),
    row('meter', metadata.time_signature, source(reading.timeSignature, '--meter')),
    row('bars', String(metadata.num_bars), source(reading.bars, '--bars')),
    row('application', metadata.application, source(reading.application, '--application')),
    row('feel', metadata.feel),
    row('left hand', metadata.left_hand),
    row('right hand', metadata.right_hand),
    row('notes', String(metadata.note_count)),
    row('method', metadata.generation_method),
    row('seed', String(result.seed)),
  ];
  const cues = [
    ...reading.moods.map((m) => `mood ${m.value} from "${m.words}"`),
    ...reading.styles.map((s) => `style ${s.value} from "${s.words}"`),
  ];
  lines.push('', 'How the description was read:');
  lines.push(
    `  key ${reading.key.value} (${source(reading.key, '--key')}); tempo ${reading.tempo.value} (${source(reading.tempo, '--tempo')}); ` +
      `${reading.bars.value} bars (${source(reading.bars, '--bars')})`,
  );
  lines.push(...(cues.length ? cues.map((c) => `  ${c}`) : ['  no mood or style words']));
  lines.push('', 'Chord chart:');
  const sections = new Map(metadata.sections.map((s) => [s.bar, s.label]));
  const symbolWidth = Math.max(5, ...chords.map((c) => c.chord_symbol.length));
  const numeralWidth = Math.max(7, ...chords.map((c) => c.harmonic_function.length));
  lines.push(`   bar beat  ${'chord'.padEnd(symbolWidth)}  ${'numeral'.padEnd(numeralWidth)}  why`);
  let lastBar = 0;
  for (const chord of chords) {
    const section = sections.get(chord.bar);
    if (section !== undefined && chord.bar !== lastBar) lines.push(`  [${section}]`);
    const bar = chord.bar !== lastBar ? String(chord.bar).padStart(4) : '    ';
    const beat = Number.isInteger(chord.beat) ? String(chord.beat) : chord.beat.toFixed(2);
    lines.push(
      `  ${bar} ${beat.padStart(4)}  ${chord.chord_symbol.padEnd(symbolWidth)}  ${chord.harmonic_function.padEnd(numeralWidth)}  ${chord.comments ?? ''}`.trimEnd(),
    );
    lastBar = chord.bar;
  }
  lines.push('', seedLine(result.seed));
  return lines.join('\n');
}
