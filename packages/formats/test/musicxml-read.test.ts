// The reader on small hand-written files: cursor moves, ties, grace/cue notes, containers and errors.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  createScore,
  formatRational,
  MusicError,
  parsePitch,
  pitchName,
  rat,
  type Score,
} from '@cadenza/core';
import { readMusicXml, readMxl, writeMxl } from '@cadenza/formats';
import { noteFingerprints } from './musicxml-test-utils.js';

const partwise = (measures: string, extraPartList = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<score-partwise version="3.1">
  <work><work-title>Test</work-title></work>
  <identification><creator type="composer">Someone</creator></identification>
  <part-list><score-part id="P1"><part-name>Piano</part-name>
    <midi-instrument id="P1-I1"><midi-program>5</midi-program></midi-instrument></score-part>${extraPartList}</part-list>
  <part id="P1">${measures}</part>
</score-partwise>`;

const pitch = (step: string, octave: number, alter = 0): string =>
  `<pitch><step>${step}</step>${alter ? `<alter>${alter}</alter>` : ''}<octave>${octave}</octave></pitch>`;

const rows = (s: Score): string[] =>
  s.parts[0]!.notes.map(
    (n) =>
      `${pitchName(n.pitch)} ${formatRational(n.position)}+${formatRational(n.duration)} s${n.staff}v${n.voice}`,
  );

describe('readMusicXml', () => {
  it('follows backup, forward, chords, ties, a divisions change and staff-2 voices numbered from 5', () => {
    const xml = partwise(`
      <measure number="1">
        <attributes><divisions>2</divisions><key><fifths>-1</fifths></key><time><beats>4</beats><beat-type>4</beat-type></time>
          <staves>2</staves><clef number="1"><sign>G</sign><line>2</line></clef><clef number="2"><sign>F</sign><line>4</line></clef></attributes>
        <note>${pitch('C', 5)}<duration>4</duration><voice>1</voice><staff>1</staff></note>
        <note><chord/>${pitch('E', 5)}<duration>4</duration><voice>1</voice><staff>1</staff></note>
        <note>${pitch('B', 4, -1)}<duration>4</duration><tie type="start"/><voice>1</voice><staff>1</staff></note>
        <backup><duration>8</duration></backup>
        <forward><duration>2</duration><voice>2</voice><staff>1</staff></forward>
        <note>${pitch('G', 4)}<duration>6</duration><voice>2</voice><staff>1</staff></note>
        <backup><duration>8</duration></backup>
        <note>${pitch('C', 3)}<duration>8</duration><voice>5</voice><staff>2</staff></note>
      </measure>
      <measure number="2">
        <attributes><divisions>6</divisions></attributes>
        <note>${pitch('B', 4, -1)}<duration>6</duration><tie type="stop"/><voice>1</voice><staff>1</staff></note>
        <note>${pitch('A', 4)}<duration>2</duration><voice>1</voice><staff>1</staff>
          <time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification></note>
        <note><rest/><duration>16</duration><voice>1</voice><staff>1</staff></note>
      </measure>`);
    const s = readMusicXml(xml);
    expect(rows(s)).toEqual([
      'C5 0+2 s1v1',
      'E5 0+2 s1v1',
      'C3 0+4 s2v1',
      'G4 1+3 s1v2',
      'Bb4 2+3 s1v1',
      'A4 5+1/3 s1v1',
    ]);
    expect(s.parts[0]!.staves).toBe(2);
    expect(s.parts[0]!.clefs).toEqual(['treble', 'bass']);
    expect(s.parts[0]!.program).toBe(4);
    expect(s.keys[0]!.key).toEqual({ tonic: { step: 'F', alter: 0 }, mode: 'major' });
    expect(s.metadata).toEqual({ title: 'Test', composer: 'Someone' });
    expect(formatRational(s.pickup)).toBe('0');
  });

  it('skips grace notes (and says so), skips cue notes but keeps their time, reads a short first measure as a pickup', () => {
    const xml = partwise(`
      <measure number="0" implicit="yes">
        <attributes><divisions>1</divisions><time><beats>3</beats><beat-type>4</beat-type></time></attributes>
        <note><grace/>${pitch('D', 5)}<voice>1</voice><type>eighth</type></note>
        <note>${pitch('C', 5)}<duration>1</duration><voice>1</voice></note>
      </measure>
      <measure number="1">
        <note><cue/>${pitch('F', 4)}<duration>1</duration><voice>1</voice></note>
        <note>${pitch('E', 5)}<duration>2</duration><voice>1</voice><notations><fermata/><articulations><staccato/></articulations></notations></note>
      </measure>`);
    const warnings: string[] = [];
    const s = readMusicXml(xml, { onWarning: (w) => warnings.push(w) });
    expect(rows(s)).toEqual(['C5 0+1 s1v1', 'E5 2+2 s1v1']);
    expect(s.parts[0]!.notes[1]!.articulations).toEqual(['staccato', 'fermata']);
    expect(warnings).toEqual(['skipped 1 grace note', 'skipped 1 cue note']);
    expect(formatRational(s.pickup)).toBe('1');
    expect(s.meters[0]!.timeSignature).toEqual({ beats: 3, beatType: 4 });
  });

  it('reads directions: metronome marks, words, rehearsal, dynamics and harmony without a text attribute', () => {
    const xml = partwise(`
      <measure number="1">
        <attributes><divisions>2</divisions><time><beats>6</beats><beat-type>8</beat-type></time></attributes>
        <direction><direction-type><words>Allegro</words></direction-type>
          <direction-type><metronome><beat-unit>quarter</beat-unit><beat-unit-dot/><per-minute>60</per-minute></metronome></direction-type></direction>
        <direction><direction-type><rehearsal>B</rehearsal></direction-type></direction>
        <direction><direction-type><dynamics><ff/></dynamics></direction-type><offset>3</offset><staff>1</staff></direction>
        <direction><direction-type><words>dolce</words></direction-type></direction>
        <harmony><root><root-step>A</root-step></root><kind>minor-seventh</kind></harmony>
        <note>${pitch('A', 4)}<duration>6</duration><voice>1</voice></note>
        <harmony><root><root-step>D</root-step></root><kind>dominant</kind>
          <bass><bass-step>F</bass-step><bass-alter>1</bass-alter></bass>
          <degree><degree-value>9</degree-value><degree-alter>-1</degree-alter><degree-type>add</degree-type></degree></harmony>
        <note>${pitch('D', 4)}<duration>6</duration><voice>1</voice></note>
      </measure>`);
    const s = readMusicXml(xml);
    expect(s.tempos).toEqual([{ position: rat(0), bpm: 90, text: 'Allegro' }]);
    expect(s.sections).toEqual([{ position: rat(0), label: 'B' }]);
    expect(s.dynamics).toEqual([{ position: rat(3, 2), partId: 'P1', staff: 1, mark: 'ff' }]);
    expect(s.directions).toEqual([{ position: rat(0), partId: 'P1', text: 'dolce' }]);
    expect(s.chordSymbols.map((c) => [formatRational(c.position), c.symbol])).toEqual([
      ['0', 'Am7'],
      ['3', 'D7(addb9)/F#'],
    ]);
  });

  it('reads a timewise score and UTF-16 bytes', () => {
    const timewise = `<?xml version="1.0"?><score-timewise><part-list><score-part id="P1"><part-name>Flute</part-name></score-part></part-list>
      <measure number="1"><part id="P1"><attributes><divisions>1</divisions></attributes>
        <note>${pitch('F', 4, 1)}<duration>4</duration></note></part></measure>
      <measure number="2"><part id="P1"><note>${pitch('G', 4)}<duration>4</duration></note></part></measure></score-timewise>`;
    expect(rows(readMusicXml(timewise))).toEqual(['F#4 0+4 s1v1', 'G4 4+4 s1v1']);
    const utf16 = new Uint8Array(2 + timewise.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < timewise.length; i++) utf16[2 + 2 * i] = timewise.charCodeAt(i);
    expect(readMusicXml(utf16).parts[0]!.name).toBe('Flute');
  });

  it('writes and reads a compressed .mxl with the mimetype entry first', () => {
    const score = createScore({
      parts: [
        { notes: [{ pitch: parsePitch('Eb4'), position: rat(0), duration: rat(3), staff: 1, voice: 1 }] },
      ],
    });
    const bytes = writeMxl(score);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect(String.fromCharCode(...bytes.subarray(30, 38))).toBe('mimetype');
    expect(Object.keys(unzipSync(bytes))).toEqual(['mimetype', 'META-INF/container.xml', 'score.musicxml']);
    expect(noteFingerprints(readMxl(bytes))).toEqual(noteFingerprints(score));
    expect(noteFingerprints(readMusicXml(bytes))).toEqual(noteFingerprints(score));
    expect(writeMxl(score)).toEqual(bytes);
  });

  it('fails loudly, in words, on input that is not a MusicXML score', () => {
    expect(() => readMusicXml('<score-partwise><part-list>')).toThrow(MusicError);
    expect(() => readMusicXml('<score-partwise><part-list>')).toThrow(/not well-formed XML/);
    expect(() => readMusicXml('<html><body/></html>')).toThrow(/root element is <html>/);
    expect(() => readMusicXml('<score-partwise><part-list/></score-partwise>')).toThrow(/no parts/);
    expect(() => readMusicXml(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(/not a readable zip/);
    expect(() => readMxl(zipSync({ 'README.txt': strToU8('no score here') }))).toThrow(
      /holds no MusicXML score/,
    );
  });
});
