import { describe, expect, it } from 'vitest';
import { arrange, RequestFieldError, resolveRequest } from '../src/index.js';

describe('resolveRequest', () => {
  it('reads key, tempo, length, mood and application from the description', () => {
    const { request, reading } = resolveRequest('jazz', {
      description: 'A mellow ballad in Eb major, 24 bars, with ii-V-I turnarounds',
    });
    expect(request.application.id).toBe('ballad');
    expect(reading.application).toEqual({ value: 'ballad', from: 'description', words: 'ballad' });
    expect(reading.key).toEqual({ value: 'Eb major', from: 'description', words: 'in Eb major' });
    expect(request.bars).toBe(24);
    expect(reading.bars.words).toBe('24 bars');
    // No tempo in the text: the ballad's default.
    expect(reading.tempo).toEqual({ value: 68, from: 'default' });
    expect(request.moods).toEqual(['mellow']);
    expect(request.styles).toEqual(['ii-v-i', 'turnaround']);
  });

  it('lets explicit fields override the description', () => {
    const { request, reading } = resolveRequest('gospel', {
      description: 'Uplifting worship song in C major, 16 bars',
      key: 'Ab',
      numBars: 8,
      application: 'CONCERT',
      tempo: 100,
    });
    expect(request.key.tonic).toEqual({ step: 'A', alter: -1 });
    expect(reading.key.from).toBe('field');
    expect(request.bars).toBe(8);
    expect(request.application.id).toBe('concert');
    expect(request.tempo).toBe(100);
  });

  it('moves a tempo outside the application range into it and says so', () => {
    const { request, reading } = resolveRequest('blues', { description: 'shuffle at 150 bpm' });
    expect(request.application.id).toBe('shuffle');
    expect(request.tempo).toBe(120);
    expect(reading.tempo).toEqual({ value: 120, from: 'description', words: '150 bpm', adjustedFrom: 150 });
  });

  it('uses the chart and its length, and analyses it in the key', () => {
    const { request, reading } = resolveRequest('jazz', {
      description: '',
      key: 'C',
      chordChart: '| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |',
    });
    expect(request.bars).toBe(4);
    expect(reading.bars.from).toBe('chart');
    const result = arrange(request, 1, 'Chart');
    expect(result.progression.chords.map((c) => c.numeral)).toEqual(['Imaj7', 'vi7', 'ii7', 'V7', 'Imaj7']);
  });

  it.each([
    [
      { application: 'polka' },
      'application',
      /'polka' is not a jazz application: use standard, ballad, uptempo/,
    ],
    [{ numBars: 0 }, 'num_bars', /from 1 to 256, got 0/],
    [{ numBars: 1000 }, 'num_bars', /got 1000/],
    [{ tempo: -5 }, 'tempo', /positive number of beats per minute, got -5/],
    [{ key: 'H major' }, 'key', /'H major' is not a key/],
    [{ chordChart: '| C | Fxyz |' }, 'chord_chart', /bar 2: 'Fxyz'/],
    [{ timeSignature: '5/3' }, 'time_signature', /lower number/],
    [{ swingRatio: 4 }, 'swing_ratio', /1.0 \(straight\) to 3.0/],
    [{ leftHand: 'alberti-bass' }, 'left_hand', /use walking-bass, stride-bass/],
  ])('refuses %j naming the field', (fields, name, message) => {
    let thrown: unknown;
    try {
      resolveRequest('jazz', { description: 'a tune', ...fields });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestFieldError);
    expect((thrown as RequestFieldError).field).toBe(name);
    expect((thrown as RequestFieldError).message).toMatch(message);
  });

  it('accepts a pattern by its spec name in any case', () => {
    const { request } = resolveRequest('jazz', { description: '', leftHand: 'Walking Bass' });
    expect(request.leftHand).toBe('walking-bass');
  });
});
