import { describe, expect, it } from 'vitest';
import type { GenerateBody, RequestReadingReport } from '../src/api/generate.js';
import {
  buildRequest,
  EMPTY_FORM,
  fieldMessage,
  issuesByField,
  type GenerateForm,
} from '../src/pages/generate/form-model.js';
import { describeReading, metadataRows } from '../src/pages/generate/reading.js';
import { APPLICATIONS, GENRE_INFO, GENRES, patternLabel } from '../src/pages/generate/genres.js';
import { GENRE_APPLICATIONS, GENRE_DEFAULT_BARS } from '@cadenza/contracts';

/** The body a form sends; fails the test when the form is refused locally. */
function bodyOf(form: GenerateForm): GenerateBody {
  const built = buildRequest(form);
  if (!('call' in built)) throw new Error(`refused: ${JSON.stringify(built.errors)}`);
  return built.call.body;
}

describe('the Generate form → request body', () => {
  it('sends only what was set, trimmed, numbers as numbers, always asking for the progression', () => {
    const built = buildRequest({
      ...EMPTY_FORM,
      genre: 'blues',
      description: '  slow blues in G ',
      tempo: '72',
      bars: '12',
      seed: '7',
      application: 'slow',
      leftHand: 'boogie-woogie-bass',
    });
    expect(built).toEqual({
      call: {
        genre: 'blues',
        body: {
          description: 'slow blues in G',
          include_progression: true,
          tempo: 72,
          num_bars: 12,
          seed: 7,
          application: 'slow',
          left_hand: 'boogie-woogie-bass',
        },
      },
    });
  });

  it('sends the chord chart only while "use my own chord chart" is ticked', () => {
    const chart = '| Cmaj7 | Am7 | Dm7 G7 |';
    expect(bodyOf({ ...EMPTY_FORM, chordChart: chart }).chord_chart).toBeUndefined();
    expect(bodyOf({ ...EMPTY_FORM, chordChart: chart, useChart: true }).chord_chart).toBe(chart);
  });

  it('passes out-of-range numbers on for the server to judge (0 bars), but not words', () => {
    expect(bodyOf({ ...EMPTY_FORM, description: 'x', bars: '0' }).num_bars).toBe(0);
    expect(buildRequest({ ...EMPTY_FORM, tempo: 'fast', swing: '1e' })).toEqual({
      errors: { tempo: 'Tempo must be a number', swing_ratio: 'Swing ratio must be a number' },
    });
  });
});

describe("a 400's issues on the form", () => {
  it('puts each body issue under its field, in the form’s words, and keeps the rest', () => {
    const sorted = issuesByField([
      { path: 'body.num_bars', message: 'num_bars must be at least 1' },
      { path: 'body.tempo', message: 'tempo must be at least 20 bpm' },
      {
        path: 'body.left_hand',
        message: "left_hand: 'nope' is not a jazz left-hand pattern: use walking-bass",
      },
      { path: 'path.genre', message: 'not a genre: use gospel, jazz' },
    ]);
    expect(sorted.fields).toEqual({
      num_bars: 'Bars must be at least 1',
      tempo: 'Tempo must be at least 20 bpm',
      left_hand: "'nope' is not a jazz left-hand pattern: use walking-bass",
    });
    expect(sorted.other).toEqual(['not a genre: use gospel, jazz']);
  });

  it('words a chart message by its bar and a time signature by its name', () => {
    expect(fieldMessage('chord_chart', "chord_chart: bar 1: 'Xyz' is not a chord symbol")).toBe(
      "Bar 1: 'Xyz' is not a chord symbol",
    );
    expect(fieldMessage('time_signature', 'time_signature must look like 3/4')).toBe(
      'Time signature must look like 3/4',
    );
  });
});

describe('how the request was read', () => {
  const reading = {
    key: { value: 'Bb major', from: 'description', words: 'in Bb' },
    tempo: { value: 80, from: 'description', words: '180 bpm', adjustedFrom: 180 },
    bars: { value: 8, from: 'field' },
    application: { value: 'ballad', from: 'description', words: 'ballad' },
    timeSignature: { value: '4/4', from: 'default' },
    moods: [{ value: 'tender', words: 'tender' }],
    styles: [],
  } satisfies RequestReadingReport;

  it('names each setting and where it came from, noting a tempo moved into range', () => {
    expect(describeReading(reading)).toEqual([
      'key Bb major (from “in Bb”)',
      'tempo 80 bpm (from “180 bpm”; 180 bpm is outside the ballad range, so 80)',
      '8 bars (as you set it)',
      'application ballad (from “ballad”)',
      'time 4/4 (default)',
      'mood tender (“tender”)',
    ]);
  });

  it('says a chart gave the bars, and 1 bar in the singular', () => {
    const fromChart = describeReading({ ...reading, bars: { value: 1, from: 'chart' } });
    expect(fromChart[2]).toBe('1 bar (from your chord chart)');
  });

  it('lists the facts with the seed', () => {
    const rows = metadataRows(
      {
        tempo: 120,
        key: 'Bb',
        time_signature: '4/4',
        num_bars: 8,
        note_count: 94,
        generation_method: 'rules',
        application: 'standard',
        feel: 'swing 2.0',
        left_hand: 'walking-bass',
        right_hand: 'improvisation',
        sections: [],
      },
      42,
    );
    expect(Object.fromEntries(rows)).toMatchObject({ Key: 'Bb', Tempo: '120 bpm', Meter: '4/4', Seed: '42' });
  });
});

describe('the genres the page offers', () => {
  it('are the API’s five, with its applications (default first) and default bars', () => {
    expect(GENRES).toEqual(Object.keys(GENRE_APPLICATIONS));
    expect(APPLICATIONS).toEqual(GENRE_APPLICATIONS);
    for (const genre of GENRES) expect(GENRE_INFO[genre].defaultBars).toBe(GENRE_DEFAULT_BARS[genre]);
  });

  it('label patterns for people', () => {
    expect(patternLabel('walking-bass')).toBe('Walking bass');
    expect(patternLabel('12-bar-blues-bass')).toBe('12-bar blues bass');
  });
});
