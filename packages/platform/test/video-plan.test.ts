import { describe, expect, it } from 'vitest';
import { rat, tempoMap, type Bpm } from '@cadenza/core';
import {
  buildTimeline,
  DEFAULT_FRAME_STYLE,
  paintHighlights,
  paintPlayhead,
  planScroll,
  positionAt,
  readStripGeometry,
  soundingCursor,
  type ElementBox,
} from '@cadenza/platform';

/** The shape verovio writes: px size outside, 10 units per px inside, a page-margin translation. */
const SVG = `<svg width="300px" height="100px" version="1.1" xmlns="http://www.w3.org/2000/svg">
<svg class="definition-scale" color="black" viewBox="0 0 3000 1000">
<g class="page-margin" transform="translate(400, 200)">
<g id="n1" class="note"><g id="bbox-n1" class="note bounding-box"><rect x="100" y="300" height="190" width="220" fill="transparent" stroke-width="0" /></g></g>
<g id="m1" class="measure"><g id="bbox-m1" class="measure bounding-box" /></g>
<g id="b1" class="barLine"><g id="bbox-b1" class="barLine bounding-box"><rect x="2400" y="100" height="800" width="30" /></g></g>
</g></svg></svg>`;

describe('readStripGeometry', () => {
  it('converts verovio units and the page margin to SVG pixels', () => {
    const g = readStripGeometry(SVG);
    expect([g.width, g.height]).toEqual([300, 100]);
    expect(g.boxes.get('n1')).toEqual({ kind: 'note', x: 50, y: 50, width: 22, height: 19 });
    expect(g.boxes.get('b1')?.kind).toBe('barLine');
    expect(g.boxes.has('m1')).toBe(false); // empty boxes carry no geometry
  });

  it('refuses an SVG that verovio did not write', () => {
    expect(() => readStripGeometry('<svg></svg>')).toThrow(/without a size/);
  });
});

const box = (kind: string, x: number, width = 10): ElementBox => ({ kind, x, y: 40, width, height: 8 });

describe('buildTimeline', () => {
  // ♩ = 120 for two beats, then ♩ = 60: beat 2 is at 1 s, beat 3 at 2 s.
  const map = tempoMap([
    { position: rat(0), bpm: 120 as Bpm },
    { position: rat(2), bpm: 60 as Bpm },
  ]);
  const boxes = new Map<string, ElementBox>([
    ['a', box('note', 100)],
    ['b', box('note', 160)],
    ['c', box('note', 158)],
    ['r', box('rest', 220)],
    ['d', box('note', 280)],
    ['end', box('barLine', 330, 4)],
  ]);
  const timemap = [
    { qstamp: 0, on: ['a'] },
    { qstamp: 1, off: ['a'], on: ['b', 'c'] },
    { qstamp: 2, off: ['b', 'c'], restsOn: ['r'] },
    { qstamp: 3, on: ['d'] },
    { qstamp: 4, off: ['d'] },
  ];

  it('times notes with the score tempo map and anchors the scroll at onsets', () => {
    const t = buildTimeline({ timemap, boxes, tempoMap: map });
    expect(t.notes.map((n) => [n.id, n.start, n.end])).toEqual([
      ['a', 0, 0.5],
      ['b', 0.5, 1],
      ['c', 0.5, 1],
      ['d', 2, 3],
    ]);
    expect(t.end).toBe(3);
    // A chord anchors at its leftmost head; the rest is an anchor; the last barline closes the music.
    expect(t.anchors).toEqual([
      { time: 0, x: 100 },
      { time: 0.5, x: 158 },
      { time: 1, x: 220 },
      { time: 2, x: 280 },
      { time: 3, x: 334 },
    ]);
  });

  it('delays a swung note by its performance offset, never past its end', () => {
    const t = buildTimeline({ timemap, boxes, tempoMap: map, startShifts: new Map([['b', 0.1]]) });
    expect(t.notes.find((n) => n.id === 'b')?.start).toBeCloseTo(0.6, 9);
  });

  it('answers which notes sound, onset inclusive and offset exclusive', () => {
    const t = buildTimeline({ timemap, boxes, tempoMap: map });
    const at = soundingCursor(t.notes);
    expect(at(0).map((n) => n.id)).toEqual(['a']);
    expect(at(0.5).map((n) => n.id)).toEqual(['b', 'c']);
    expect(at(1.5).map((n) => n.id)).toEqual([]);
    expect(at(2.999).map((n) => n.id)).toEqual(['d']);
    expect(at(3)).toEqual([]);
    expect(() => at(1)).toThrow(/time order/);
  });
});

describe('planScroll', () => {
  const anchors = [
    { time: 0, x: 100 },
    { time: 1, x: 200 },
    { time: 1.5, x: 600 },
    { time: 4, x: 900 },
  ];

  it('interpolates between anchors and holds before and after', () => {
    expect(positionAt(anchors, -2)).toBe(100);
    expect(positionAt(anchors, 0.5)).toBe(150);
    expect(positionAt(anchors, 1.25)).toBe(400);
    expect(positionAt(anchors, 9)).toBe(900);
  });

  it('puts the playhead on the music, frame by frame, and after a count-in', () => {
    const plan = planScroll({
      anchors,
      zoom: 2,
      stripWidth: 2000,
      viewWidth: 600,
      frameCount: 150,
      fps: 30,
      audioOffsetSeconds: 1,
    });
    expect(plan.playhead[0]).toBe(200); // count-in: held on the first note (zoomed)
    expect(plan.playhead[30]).toBe(200); // the first beat
    expect(plan.playhead[60]).toBe(400);
    expect(plan.playhead[75]).toBe(1200);
  });

  it('scrolls monotonically, held at both ends of the strip, and centres a short strip', () => {
    const plan = planScroll({
      anchors,
      zoom: 2,
      stripWidth: 2000,
      viewWidth: 600,
      frameCount: 200,
      fps: 30,
      audioOffsetSeconds: 1,
    });
    expect(plan.scroll[0]).toBe(0); // the opening, with the playhead at a third of the view
    expect(plan.scroll[199]).toBe(1400);
    for (let i = 1; i < 200; i++) expect(plan.scroll[i]).toBeGreaterThanOrEqual(plan.scroll[i - 1] as number);
    const short = planScroll({
      anchors,
      zoom: 0.5,
      stripWidth: 500,
      viewWidth: 600,
      frameCount: 10,
      fps: 30,
      audioOffsetSeconds: 0,
    });
    expect([...short.scroll]).toEqual(Array(10).fill(-50));
  });
});

describe('frame painting', () => {
  const width = 40;
  const height = 30;
  const pixel = (pixels: Uint8Array, x: number, y: number): number[] => [
    ...pixels.subarray((y * width + x) * 3, (y * width + x) * 3 + 3),
  ];

  it('recolours the notehead ink and tints the paper around it once, even where boxes overlap', () => {
    const pixels = new Uint8Array(width * height * 3).fill(255);
    for (let x = 12; x < 18; x++) pixels.fill(0, (15 * width + x) * 3, (15 * width + x) * 3 + 3);
    const head = { x: 12, y: 13, width: 6, height: 4 };
    paintHighlights({ pixels, width, height }, [head, { ...head, y: 14 }]);
    const { highlight, noteInk } = DEFAULT_FRAME_STYLE;
    const tinted = (c: readonly number[]): number[] =>
      c.map((v, i) => Math.round((v * (highlight[i] as number)) / 255));
    expect(pixel(pixels, 14, 15)).toEqual(tinted(noteInk)); // black ink → note colour, multiplied once
    expect(pixel(pixels, 14, 13)).toEqual([...highlight]); // paper inside the padding
    expect(pixel(pixels, 2, 2)).toEqual([255, 255, 255]); // far away: untouched
  });

  it('draws a translucent playhead of the set width', () => {
    const pixels = new Uint8Array(width * height * 3).fill(255);
    paintPlayhead({ pixels, width, height }, 20, 5, 25);
    const { playhead, playheadAlpha: a } = DEFAULT_FRAME_STYLE;
    const blended = playhead.map((c) => Math.round(255 * (1 - a) + c * a));
    expect(pixel(pixels, 20, 10)).toEqual(blended);
    expect(pixel(pixels, 20, 2)).toEqual([255, 255, 255]);
    const columns = Array.from({ length: width }, (_, x) => pixel(pixels, x, 10)[0] !== 255).filter(Boolean);
    expect(columns).toHaveLength(DEFAULT_FRAME_STYLE.playheadWidth);
  });
});
