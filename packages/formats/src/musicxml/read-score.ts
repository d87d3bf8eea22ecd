/**
 * MusicXML text → Score. Notes get absolute positions in quarter notes, tied notes become one note,
 * the pickup comes from a short first measure. Repeats are not unrolled: the score holds the music
 * once, as printed. Grace and cue notes are skipped; lyrics, slurs and layout are ignored.
 */
import {
  bpm,
  compare,
  createScore,
  eq,
  gt,
  MusicError,
  ZERO,
  type ChordSymbolEvent,
  type Clef,
  type DynamicMark,
  type KeyChange,
  type Part,
  type Score,
  type ScoreMetadata,
  type Section,
  type TempoMark,
  type TextDirection,
} from '@cadenza/core';
import { scanPart, type PartScan } from './read-part.js';
import { markPosition, measureTimeline, readMeters, type Timeline } from './read-timing.js';
import { mergeTies } from './read-ties.js';
import { child, childNumber, childText, childrenNamed, parseXml, type XmlNode } from './xml-tree.js';

export interface MusicXmlReadOptions {
  /** Told about what was read but left out (grace notes, cue notes), in words. */
  readonly onWarning?: (message: string) => void;
}

function readMetadata(root: XmlNode): ScoreMetadata {
  const identification = child(root, 'identification');
  const creators = identification ? childrenNamed(identification, 'creator') : [];
  const creator = (...types: string[]) =>
    creators.find((c) => types.includes(c.attrs.type ?? '') && c.text !== '')?.text;
  const credit = (type: string) =>
    childrenNamed(root, 'credit')
      .find((c) => childText(c, 'credit-type') === type)
      ?.children.find((w) => w.name === 'credit-words')?.text;
  const work = child(root, 'work');
  const entries: [keyof ScoreMetadata, string | undefined][] = [
    [
      'title',
      (work && childText(work, 'work-title')) ?? childText(root, 'movement-title') ?? credit('title'),
    ],
    ['subtitle', credit('subtitle')],
    ['composer', creator('composer')],
    ['arranger', creator('arranger')],
    ['lyricist', creator('lyricist', 'poet')],
    ['copyright', identification && childText(identification, 'rights')],
    ['source', identification && childText(identification, 'source')],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== ''));
}

/** A timewise score turned partwise: the same measures, nested the other way round. */
function partwise(root: XmlNode): XmlNode {
  if (root.name === 'score-partwise') return root;
  if (root.name !== 'score-timewise') {
    throw new MusicError(
      `this is not a MusicXML score: its root element is <${root.name}>, not <score-partwise>`,
    );
  }
  const parts = new Map<string, XmlNode[]>();
  for (const measure of childrenNamed(root, 'measure')) {
    for (const p of childrenNamed(measure, 'part')) {
      const id = p.attrs.id ?? '';
      parts.set(id, [...(parts.get(id) ?? []), { ...p, name: 'measure', attrs: measure.attrs }]);
    }
  }
  const partNodes = [...parts].map(([id, measures]): XmlNode => ({
    name: 'part',
    attrs: { id },
    children: measures,
    text: '',
  }));
  return {
    ...root,
    name: 'score-partwise',
    children: [...root.children.filter((c) => c.name !== 'measure'), ...partNodes],
  };
}

function buildPart(id: string, info: XmlNode | undefined, scan: PartScan, t: Timeline): Part {
  const notes = mergeTies(scan.notes.map((n) => ({ ...n, position: markPosition(t, n) })));
  const staves = Math.max(1, scan.staves);
  const clefs = Array.from(
    { length: staves },
    (_, i): Clef => scan.clefs.get(i + 1) ?? (i === 0 ? 'treble' : 'bass'),
  );
  const program =
    info && childNumber(info.children.find((c) => c.name === 'midi-instrument') ?? info, 'midi-program');
  const name = (info && (childText(info, 'part-name') ?? childText(info, 'part-abbreviation'))) ?? id;
  return {
    id,
    name,
    staves,
    clefs,
    program: program === undefined ? 0 : Math.min(127, Math.max(0, Math.round(program) - 1)),
    notes,
    pedals: [],
  };
}

function dedupe<T extends { readonly position: { n: number; d: number } }>(
  items: T[],
  key: (x: T) => string,
): T[] {
  const seen = new Set<string>();
  return items
    .filter((x) => {
      const k = `${x.position.n}/${x.position.d}|${key(x)}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => compare(a.position, b.position));
}

/** Reads MusicXML text (partwise or timewise) into a Score. Throws MusicError for input that is not a score. */
export function readMusicXmlText(text: string, options: MusicXmlReadOptions = {}): Score {
  const root = partwise(parseXml(text.replace(/^\uFEFF/, '')));
  const partEls = childrenNamed(root, 'part');
  if (partEls.length === 0) throw new MusicError('this MusicXML score has no parts');
  const partList = child(root, 'part-list');
  const infos = new Map(
    (partList ? childrenNamed(partList, 'score-part') : []).map((p) => [p.attrs.id ?? '', p]),
  );
  const scans = partEls.map(scanPart);
  const t = measureTimeline(scans);
  const ids = partEls.map((p, i) => p.attrs.id ?? `P${i + 1}`);
  const marks = scans.flatMap((s, i) =>
    s.marks.map((m) => ({ m, partId: ids[i] ?? '', position: markPosition(t, m) })),
  );
  const keys: KeyChange[] = [];
  const tempos: TempoMark[] = [];
  const chordSymbols: ChordSymbolEvent[] = [];
  const sections: Section[] = [];
  const dynamics: DynamicMark[] = [];
  const directions: TextDirection[] = [];
  for (const { m, partId, position } of marks) {
    const p = m.payload;
    if (p.kind === 'key') keys.push({ position, key: p.key });
    else if (p.kind === 'tempo')
      tempos.push({ position, bpm: bpm(p.bpm), ...(p.text ? { text: p.text } : {}) });
    else if (p.kind === 'chord') chordSymbols.push({ position, symbol: p.symbol });
    else if (p.kind === 'section') sections.push({ position, label: p.label });
    else if (p.kind === 'dynamic') dynamics.push({ position, partId, staff: p.staff, mark: p.mark });
    else if (p.kind === 'words') directions.push({ position, partId, text: p.text });
  }
  const keyList = dedupe(keys, () => '');
  if (keyList.length === 0 || gt((keyList[0] as KeyChange).position, ZERO)) {
    keyList.unshift({ position: ZERO, key: { tonic: { step: 'C', alter: 0 }, mode: 'major' } });
  }
  const tempoList = dedupe(tempos, () => '');
  const firstTempo = tempoList[0];
  if (firstTempo && !eq(firstTempo.position, ZERO))
    tempoList.unshift({ position: ZERO, bpm: firstTempo.bpm });
  const grace = scans.reduce((s, x) => s + x.skippedGrace, 0);
  const cue = scans.reduce((s, x) => s + x.skippedCue, 0);
  if (grace > 0) options.onWarning?.(`skipped ${grace} grace note${grace > 1 ? 's' : ''}`);
  if (cue > 0) options.onWarning?.(`skipped ${cue} cue note${cue > 1 ? 's' : ''}`);
  return createScore({
    metadata: readMetadata(root),
    parts: scans.map((s, i) => buildPart(ids[i] ?? `P${i + 1}`, infos.get(ids[i] ?? ''), s, t)),
    pickup: t.pickup,
    meters: readMeters(scans, t),
    keys: keyList,
    ...(tempoList.length ? { tempos: tempoList } : {}),
    chordSymbols: dedupe(chordSymbols, (c) => c.symbol),
    sections: dedupe(sections, (s) => s.label),
    dynamics: dedupe(dynamics, (d) => `${d.partId}|${d.staff}|${d.mark}`),
    directions: dedupe(directions, (d) => `${d.partId}|${d.text}`),
    end: t.end,
  });
}
