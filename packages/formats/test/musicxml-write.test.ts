// Hand-written scores → exact MusicXML structure, and back through the reader.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bpm,
  createScore,
  formatRational,
  parsePitch,
  rat,
  type Note,
  type Rational,
  type ScoreInit,
} from '@cadenza/core';
import { readMusicXml, writeMusicXml } from '@cadenza/formats';
import { hasXmllint, noteFingerprints, validateWithXsd } from './musicxml-test-utils.js';

const written: string[] = [];

function note(pitch: string, position: Rational, duration: Rational, extra: Partial<Note> = {}): Note {
  return { pitch: parsePitch(pitch), position, duration, staff: 1, voice: 1, ...extra };
}

function write(init: ScoreInit): string {
  const xml = writeMusicXml(createScore(init));
  written.push(xml);
  return xml;
}

const measures = (xml: string): string[] =>
  [...xml.matchAll(/<measure\b[\s\S]*?<\/measure>/g)].map((m) => m[0]);
const notesOf = (xml: string): string[] => [...xml.matchAll(/<note>[\s\S]*?<\/note>/g)].map((m) => m[0]);
const all = (xml: string, re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[1] ?? m[0]);

describe('writeMusicXml', () => {
  afterAll(() => {
    if (!hasXmllint() || written.length === 0) return;
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-musicxml-'));
    const paths = written.map((xml, i) => {
      const path = join(dir, `example-${i}.musicxml`);
      writeFileSync(path, xml);
      return path;
    });
    const result = validateWithXsd(paths);
    expect(result.failures).toEqual([]);
    expect(result.valid).toBe(paths.length);
  });

  it('writes a C major scale in 4/4 as quarters, and fills the last measure with a half rest', () => {
    const names = ['C4', 'D4', 'E4', 'F4', 'G4', 'A4', 'B4', 'C5'];
    const notes = [...names.map((p, i) => note(p, rat(i), rat(1))), note('G4', rat(8), rat(2))];
    const xml = write({ metadata: { title: 'Scale', composer: 'Anon' }, parts: [{ name: 'Flute', notes }] });
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8" standalone="no"\?>\n<!DOCTYPE score-partwise PUBLIC "-\/\/Recordare\/\/DTD MusicXML 4.0 Partwise\/\/EN"/,
    );
    expect(xml).toContain('<score-partwise version="4.0">');
    expect(xml).toContain('<work-title>Scale</work-title>');
    expect(xml).toContain('<creator type="composer">Anon</creator>');
    expect(all(xml, /<divisions>(\d+)<\/divisions>/g)).toEqual(['1']);
    const ms = measures(xml);
    expect(ms).toHaveLength(3);
    expect(all(ms[0]!, /<type>(\w+)<\/type>/g)).toEqual(['quarter', 'quarter', 'quarter', 'quarter']);
    expect(all(ms[1]!, /<step>(\w)<\/step>/g)).toEqual(['G', 'A', 'B', 'C']);
    const last = notesOf(ms[2]!);
    expect(last).toHaveLength(2);
    expect(last[0]).toContain('<step>G</step>');
    expect(last[1]).toMatch(/<rest\/>\s*<duration>2<\/duration>\s*<voice>1<\/voice>\s*<type>half<\/type>/);
    expect(xml).not.toContain('<backup>');
    expect(xml).not.toContain('<accidental>');
    expect(ms[2]).toContain('<bar-style>light-heavy</bar-style>');
    expect(noteFingerprints(readMusicXml(xml))).toEqual(
      noteFingerprints(createScore({ parts: [{ notes }] })),
    );
  });

  it('splits a note crossing a barline into two tied halves, and reads it back as one note', () => {
    const xml = write({ parts: [{ notes: [note('E4', rat(2), rat(4))] }] });
    const [m1, m2] = measures(xml);
    const tiedStart = notesOf(m1!)[1]!;
    const tiedStop = notesOf(m2!)[0]!;
    expect(tiedStart).toMatch(
      /<duration>2<\/duration>\s*<tie type="start"\/>\s*<voice>1<\/voice>\s*<type>half<\/type>/,
    );
    expect(tiedStart).toContain('<tied type="start"/>');
    expect(tiedStop).toMatch(/<tie type="stop"\/>/);
    expect(tiedStop).toContain('<tied type="stop"/>');
    expect(notesOf(m1!)[0]).toMatch(/<rest\/>\s*<duration>2<\/duration>/);
    const back = readMusicXml(xml).parts[0]!.notes;
    expect(back.map((n) => [formatRational(n.position), formatRational(n.duration)])).toEqual([['2', '4']]);
  });

  it('ties a length no single note can show: 5/4 becomes a quarter tied to a sixteenth', () => {
    const xml = write({ parts: [{ notes: [note('A4', rat(0), rat(5, 4))] }] });
    const pitched = notesOf(xml).filter((n) => n.includes('<pitch>'));
    expect(pitched.map((n) => /<type>(\w+)<\/type>/.exec(n)![1])).toEqual(['quarter', '16th']);
    expect(readMusicXml(xml).parts[0]!.notes.map((n) => formatRational(n.duration))).toEqual(['5/4']);
  });

  it('writes triplets with time-modification 3:2 and one tuplet bracket per group', () => {
    const eighths = ['C5', 'D5', 'E5'].map((p, i) => note(p, rat(i, 3), rat(1, 3)));
    const quarters = ['F4', 'G4', 'A4'].map((p, i) => note(p, rat(6 + 2 * i, 3), rat(2, 3)));
    const xml = write({ parts: [{ notes: [...eighths, ...quarters] }] });
    expect(all(xml, /<divisions>(\d+)<\/divisions>/g)).toEqual(['3']);
    const pitched = notesOf(xml).filter((n) => n.includes('<pitch>'));
    expect(pitched).toHaveLength(6);
    for (const n of pitched) {
      expect(n).toMatch(
        /<time-modification>\s*<actual-notes>3<\/actual-notes>\s*<normal-notes>2<\/normal-notes>/,
      );
    }
    expect(pitched.map((n) => /<type>(\w+)<\/type>/.exec(n)![1])).toEqual([
      'eighth',
      'eighth',
      'eighth',
      'quarter',
      'quarter',
      'quarter',
    ]);
    expect(all(xml, /<tuplet type="(start|stop)"/g)).toEqual(['start', 'stop', 'start', 'stop']);
    expect(pitched.slice(0, 3).map((n) => /<beam number="1">([\w ]+)</.exec(n)?.[1])).toEqual([
      'begin',
      'continue',
      'end',
    ]);
    // Beat 2 is a rest, so exactly one quarter rest sits between the two groups.
    expect(notesOf(xml).filter((n) => n.includes('<rest/>'))).toHaveLength(1);
    const back = readMusicXml(xml).parts[0]!.notes;
    expect(back.map((n) => formatRational(n.position))).toEqual(['0', '1/3', '2/3', '2', '8/3', '10/3']);
  });

  it('writes a grand staff whose right hand has two voices, each voice complete, with backups between', () => {
    const notes: Note[] = [
      note('C5', rat(0), rat(2)),
      note('E5', rat(2), rat(2)),
      note('E4', rat(0), rat(1), { voice: 2 }),
      note('F4', rat(1), rat(1), { voice: 2 }),
      note('G4', rat(2), rat(1), { voice: 2 }),
      note('C3', rat(0), rat(4), { staff: 2 }),
    ];
    const xml = write({ parts: [{ name: 'Piano', staves: 2, notes }] });
    expect(xml).toContain('<staves>2</staves>');
    expect(xml).toMatch(
      /<clef number="1">\s*<sign>G<\/sign>\s*<line>2<\/line>\s*<\/clef>\s*<clef number="2">\s*<sign>F<\/sign>/,
    );
    const [m1] = measures(xml);
    expect(all(m1!, /<backup>\s*<duration>(\d+)<\/duration>/g)).toEqual(['4', '4']);
    const byVoice = new Map<string, number>();
    for (const n of notesOf(m1!)) {
      const voice = /<voice>(\d+)<\/voice>/.exec(n)![1]!;
      if (n.includes('<chord/>')) continue;
      byVoice.set(voice, (byVoice.get(voice) ?? 0) + Number(/<duration>(\d+)<\/duration>/.exec(n)![1]));
    }
    expect(Object.fromEntries(byVoice)).toEqual({ '1': 4, '2': 4, '5': 4 });
    expect(notesOf(m1!).filter((n) => n.includes('<voice>2</voice>') && n.includes('<rest/>'))).toHaveLength(
      1,
    );
    expect(notesOf(m1!).filter((n) => n.includes('<staff>2</staff>'))).toHaveLength(1);
    expect(noteFingerprints(readMusicXml(xml))).toEqual(
      noteFingerprints(createScore({ parts: [{ notes }] })),
    );
  });

  it('writes chord symbols as <harmony> with root, kind (keeping the chart text) and bass', () => {
    const chordSymbols = ['C', 'Am7', 'F/A', 'Bbmaj7#11', 'N.C.'].map((symbol, i) => ({
      position: rat(i * 2),
      symbol,
    }));
    const xml = write({ parts: [{ notes: [note('C4', rat(0), rat(10))] }], chordSymbols });
    const harmonies = all(xml, /<harmony>([\s\S]*?)<\/harmony>/g);
    expect(harmonies).toHaveLength(5);
    expect(all(xml, /<kind text="[^"]*">([\w-]+)<\/kind>/g)).toEqual([
      'major',
      'minor-seventh',
      'major',
      'other',
      'none',
    ]);
    expect(harmonies[1]).toMatch(/<root-step>A<\/root-step>[\s\S]*<kind text="m7">minor-seventh<\/kind>/);
    expect(harmonies[2]).toMatch(/<kind text="">major<\/kind>\s*<bass>\s*<bass-step>A<\/bass-step>/);
    expect(harmonies[3]).toMatch(
      /<root-step>B<\/root-step>\s*<root-alter>-1<\/root-alter>[\s\S]*<kind text="maj7#11">other<\/kind>/,
    );
    expect(harmonies[4]).toContain('<kind text="N.C.">none</kind>');
    expect(readMusicXml(xml).chordSymbols.map((c) => [formatRational(c.position), c.symbol])).toEqual(
      chordSymbols.map((c) => [formatRational(c.position), c.symbol]),
    );
  });

  it('shows accidentals against the key signature and earlier accidentals in the measure', () => {
    const names = ['F#4', 'F4', 'F4', 'F#4', 'Bb4', 'F#4'];
    const notes = names.map((p, i) => note(p, rat(i), rat(1)));
    const xml = write({
      parts: [{ notes }],
      keys: [{ position: rat(0), key: { tonic: { step: 'G', alter: 0 }, mode: 'major' } }],
    });
    const signs = notesOf(xml)
      .filter((n) => n.includes('<pitch>'))
      .map((n) => /<accidental>([\w-]+)<\/accidental>/.exec(n)?.[1] ?? '-');
    // m.1: F# (in the key), F natural, F (natural still holds), F# again; m.2: B♭, F# (key again).
    expect(signs).toEqual(['-', 'natural', '-', 'sharp', 'flat', '-']);
    expect(all(xml, /<alter>(-?\d)<\/alter>/g)).toEqual(['1', '1', '-1', '1']);
    expect(xml).toMatch(/<key>\s*<fifths>1<\/fifths>\s*<mode>major<\/mode>/);
  });

  it('writes a pickup as measure 0, chords, meter/key/tempo changes, dynamics, words and articulations', () => {
    const notes: Note[] = [
      note('G4', rat(0), rat(1), { articulations: ['staccato'] }),
      note('C4', rat(1), rat(2)),
      note('E4', rat(1), rat(2)),
      note('G4', rat(1), rat(2)),
      note('D5', rat(3), rat(3), { articulations: ['fermata', 'accent'] }),
    ];
    const xml = write({
      pickup: rat(1),
      parts: [{ notes }],
      meters: [
        { position: rat(0), timeSignature: { beats: 4, beatType: 4 } },
        { position: rat(5), timeSignature: { beats: 3, beatType: 4 } },
      ],
      keys: [
        { position: rat(0), key: { tonic: { step: 'C', alter: 0 }, mode: 'major' } },
        { position: rat(5), key: { tonic: { step: 'E', alter: -1 }, mode: 'major' } },
      ],
      tempos: [
        { position: rat(0), bpm: bpm(96), text: 'Andante' },
        { position: rat(5), bpm: bpm(120) },
      ],
      sections: [{ position: rat(1), label: 'A' }],
      dynamics: [{ position: rat(1), partId: 'P1', staff: 1, mark: 'mf' }],
      directions: [{ position: rat(0), partId: 'P1', text: 'Swing' }],
    });
    const ms = measures(xml);
    expect(ms[0]).toMatch(/^<measure number="0" implicit="yes">/);
    expect(ms[1]).toMatch(/^<measure number="1">/);
    expect(all(ms[1]!, /(<chord\/>)/g)).toHaveLength(2);
    expect(ms[2]).toMatch(
      /<key>\s*<fifths>-3<\/fifths>\s*<mode>major<\/mode>\s*<\/key>\s*<time>\s*<beats>3<\/beats>/,
    );
    expect(all(xml, /<time>/g)).toHaveLength(2);
    expect(all(xml, /<sound tempo="(\d+)"\/>/g)).toEqual(['96', '120']);
    expect(xml).toMatch(/<words>Andante<\/words>[\s\S]*<per-minute>96<\/per-minute>/);
    expect(ms[0]).toContain('<words>Swing</words>');
    expect(ms[1]).toContain('<rehearsal>A</rehearsal>');
    expect(ms[1]).toMatch(/<dynamics>\s*<mf\/>\s*<\/dynamics>[\s\S]*<staff>1<\/staff>/);
    expect(ms[0]).toMatch(/<articulations>\s*<staccato\/>/);
    expect(xml).toContain('<fermata type="upright"/>');
    // D5 lasts three beats from beat 4 of m.1: tied into m.2, accent on the first half, fermata on the last.
    expect(ms[1]).toMatch(/<accent\/>/);
    expect(ms[2]).toContain('<fermata');
    const back = readMusicXml(xml);
    expect(formatRational(back.pickup)).toBe('1');
    expect(
      back.meters.map(
        (m) => `${formatRational(m.position)}:${m.timeSignature.beats}/${m.timeSignature.beatType}`,
      ),
    ).toEqual(['0:4/4', '5:3/4']);
    expect(back.tempos.map((t) => [formatRational(t.position), t.bpm, t.text])).toEqual([
      ['0', 96, 'Andante'],
      ['5', 120, undefined],
    ]);
    expect(back.sections).toEqual([{ position: rat(1), label: 'A' }]);
    expect(back.dynamics).toEqual([{ position: rat(1), partId: 'P1', staff: 1, mark: 'mf' }]);
    expect(back.directions).toEqual([{ position: rat(0), partId: 'P1', text: 'Swing' }]);
    const d5 = back.parts[0]!.notes.find((n) => n.pitch.step === 'D')!;
    expect(formatRational(d5.duration)).toBe('3');
    expect(d5.articulations).toEqual(['accent', 'fermata']);
  });
});
