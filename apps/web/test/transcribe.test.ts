import type { TranscriptionResponse } from '@cadenza/contracts';
import { describe, expect, it } from 'vitest';
import { transcribePath } from '../src/api/transcribe-query.js';
import {
  baseName,
  confidenceWords,
  durationText,
  factRows,
  keyName,
  sizeText,
} from '../src/pages/transcribe/facts.js';
import {
  noteRects,
  pitchLabels,
  pitchRange,
  timeTicks,
  waveformPath,
  waveformPeaks,
  type RollNote,
} from '../src/pages/transcribe/piano-roll-layout.js';
import {
  clock,
  initialRecorderState,
  levelOf,
  MAX_RECORDING_SECONDS,
  pickRecordingType,
  reachedLimit,
  recorderReducer,
  recordingFileName,
  type RecorderEvent,
  type RecorderState,
} from '../src/pages/transcribe/recorder-state.js';

const CAN_RECORD = { secureContext: true, getUserMedia: true, mediaRecorder: true };
const run = (events: readonly RecorderEvent[], from: RecorderState = { status: 'idle' }) =>
  events.reduce(recorderReducer, from);

describe('the recorder’s states', () => {
  it('is unsupported, with the reason, without MediaRecorder, getUserMedia or a secure page', () => {
    expect(initialRecorderState(CAN_RECORD)).toEqual({ status: 'idle' });
    const noRecorder = initialRecorderState({ ...CAN_RECORD, mediaRecorder: false });
    expect(noRecorder.status).toBe('unsupported');
    expect(noRecorder.status === 'unsupported' && noRecorder.message).toContain('cannot record audio');
    expect(initialRecorderState({ ...CAN_RECORD, getUserMedia: false }).status).toBe('unsupported');
    const insecure = initialRecorderState({ ...CAN_RECORD, secureContext: false });
    expect(insecure.status === 'unsupported' && insecure.message).toContain('secure page');
    // Nothing moves it: the button stays disabled.
    expect(run([{ type: 'request' }, { type: 'started', at: 0 }], noRecorder)).toBe(noRecorder);
  });

  it('records: permission asked, then elapsed time and level, then stopped with its length', () => {
    const recording = run([
      { type: 'request' },
      { type: 'started', at: 1000 },
      { type: 'tick', at: 3500, level: 0.4 },
    ]);
    expect(recording).toEqual({ status: 'recording', startedAt: 1000, elapsed: 2.5, level: 0.4 });
    expect(run([{ type: 'tick', at: 4000, level: 7 }], recording)).toMatchObject({ elapsed: 3, level: 1 });
    expect(run([{ type: 'stop', at: 6000 }], recording)).toEqual({ status: 'stopped', seconds: 5 });
    // A second request while recording is ignored; a tick after stopping changes nothing.
    expect(run([{ type: 'request' }], recording)).toBe(recording);
    const stopped = run([{ type: 'stop', at: 6000 }], recording);
    expect(run([{ type: 'tick', at: 7000, level: 0.5 }], stopped)).toBe(stopped);
  });

  it('says plainly when permission is denied, and lets the musician try again', () => {
    const denied = run([{ type: 'request' }, { type: 'refused', errorName: 'NotAllowedError' }]);
    expect(denied.status).toBe('denied');
    expect(denied.status === 'denied' && denied.message).toContain('Microphone access was denied');
    expect(run([{ type: 'request' }], denied)).toEqual({ status: 'requesting' });
    const missing = run([{ type: 'request' }, { type: 'refused', errorName: 'NotFoundError' }]);
    expect(missing.status === 'failed' && missing.message).toContain('No microphone was found');
    const busy = run([{ type: 'request' }, { type: 'refused', errorName: 'NotReadableError' }]);
    expect(busy.status === 'failed' && busy.message).toContain('another application');
    // A refusal that arrives when nobody asked is ignored.
    expect(run([{ type: 'refused', errorName: 'NotAllowedError' }])).toEqual({ status: 'idle' });
  });

  it('stops by itself at the server’s limit', () => {
    const start = run([{ type: 'request' }, { type: 'started', at: 0 }]);
    expect(reachedLimit(run([{ type: 'tick', at: 179_900, level: 0 }], start))).toBe(false);
    expect(reachedLimit(run([{ type: 'tick', at: MAX_RECORDING_SECONDS * 1000, level: 0 }], start))).toBe(
      true,
    );
  });

  it('picks Opus in WebM, else Ogg, else the browser’s default, and names the file after it', () => {
    expect(pickRecordingType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickRecordingType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingType(() => false)).toBe('');
    expect(recordingFileName('audio/webm;codecs=opus')).toBe('recording.webm');
    expect(recordingFileName('audio/ogg;codecs=opus')).toBe('recording.ogg');
    expect(recordingFileName('audio/mp4')).toBe('recording.m4a');
  });

  it('meters silence as 0, full scale as 1 and −20 dBFS at two thirds', () => {
    expect(levelOf(new Uint8Array(512).fill(128))).toBe(0);
    const square = Uint8Array.from({ length: 512 }, (_, i) => (i % 2 ? 0 : 256 - 1e-9));
    expect(levelOf(square)).toBeCloseTo(1, 2);
    // A square wave of amplitude 0.1 (12.8 steps) has an RMS of −20 dBFS.
    const quiet = Array.from({ length: 512 }, (_, i) => 128 + (i % 2 ? 12.8 : -12.8));
    expect(levelOf(quiet)).toBeCloseTo(40 / 60, 6);
    expect(clock(0)).toBe('0:00');
    expect(clock(75.9)).toBe('1:15');
  });
});

const SCALE: RollNote[] = ['C4', 'D4', 'E4', 'F4', 'G4'].map((name, i) => ({
  start_time: i * 0.5,
  end_time: i * 0.5 + 0.5,
  midi_note: [60, 62, 64, 65, 67][i] ?? 60,
  note_name: name,
  confidence: i === 4 ? 0 : 1,
}));

describe('the piano roll', () => {
  it('shows two semitones around the notes and at least an octave', () => {
    expect(pitchRange(SCALE)).toEqual({ low: 58, high: 70 });
    expect(pitchRange([])).toEqual({ low: 60, high: 72 });
    const wide = pitchRange([
      { ...SCALE[0]!, midi_note: 40 },
      { ...SCALE[0]!, midi_note: 80 },
    ]);
    expect(wide).toEqual({ low: 38, high: 82 });
  });

  it('puts each note at its time and pitch, paler when less sure', () => {
    const frame = { width: 500, height: 130, duration: 2.5, low: 58, high: 70 };
    const rects = noteRects(SCALE, frame);
    expect(rects.map((r) => r.x)).toEqual([0, 100, 200, 300, 400]);
    expect(rects.map((r) => r.width)).toEqual([100, 100, 100, 100, 100]);
    // 13 rows of 10 px; C4 (60) is the 11th from the top.
    expect(rects.map((r) => r.y)).toEqual([100, 80, 60, 50, 30]);
    expect(rects[0]?.opacity).toBe(1);
    expect(rects[4]?.opacity).toBeCloseTo(0.3, 9);
    expect(rects[0]?.label).toBe('C4, 0.00–0.50 s, 100 % sure');
    // A very short note still shows.
    expect(noteRects([{ ...SCALE[0]!, end_time: 0.001 }], frame)[0]?.width).toBe(2);
  });

  it('names natural rows when they are tall enough, only the Cs otherwise', () => {
    expect(pitchLabels(58, 70, 12).map((l) => l.label)).toEqual(['B3', 'C4', 'D4', 'E4', 'F4', 'G4', 'A4']);
    expect(pitchLabels(38, 82, 5).map((l) => l.label)).toEqual(['C3', 'C4', 'C5']);
  });

  it('reduces the waveform to min/max per column and draws it around the middle', () => {
    const samples = Float32Array.from([0, 0.5, -0.25, 0, 1, -1, 0.1, 0.2]);
    const peaks = waveformPeaks(samples, 4);
    expect(Array.from(peaks.max)).toEqual([0.5, 0, 1, 0.2].map(Math.fround));
    expect(Array.from(peaks.min)).toEqual([0, -0.25, -1, 0.1].map(Math.fround));
    const path = waveformPath(peaks, 40, 20);
    // The loudest peak (1) reaches the top (y 0) and its trough the bottom (y 20).
    expect(path.startsWith('M5,5L15,10L25,0L35,8')).toBe(true);
    expect(path).toContain('L25,20L');
    expect(path.endsWith('Z')).toBe(true);
    expect(waveformPath(waveformPeaks(new Float32Array(0), 4), 40, 20)).toBe(
      'M5,10L15,10L25,10L35,10L35,10L25,10L15,10L5,10Z',
    );
  });

  it('ticks the time axis about every 80 px in round seconds', () => {
    expect(timeTicks(2.8, 1000)).toEqual([0, 1, 2]);
    expect(timeTicks(60, 400)).toEqual([0, 15, 30, 45, 60]);
    expect(timeTicks(0, 400)).toEqual([]);
  });
});

describe('the request and the facts', () => {
  it('asks for JSON with the mode and instrument, and the title only when typed', () => {
    expect(transcribePath({ mode: 'auto', instrument: 'voice', title: '  ' })).toBe(
      '/transcribe?format=json&mode=auto&instrument=voice',
    );
    expect(transcribePath({ mode: 'mono', instrument: 'winds', title: ' Frère Jacques ' })).toBe(
      '/transcribe?format=json&mode=mono&instrument=winds&title=Fr%C3%A8re+Jacques',
    );
  });

  it('says keys, lengths and confidence in words', () => {
    expect(keyName('F')).toBe('F major');
    expect(keyName('Am')).toBe('A minor');
    expect(keyName('F#m')).toBe('F# minor');
    expect(keyName(null)).toBe('unknown');
    expect(durationText(2.8)).toBe('2.8 s');
    expect(durationText(95)).toBe('1:35');
    expect(confidenceWords(0.98)).toBe('high');
    expect(confidenceWords(0.3)).toContain('low');
    expect(sizeText(123_904)).toBe('121 KB');
    expect(sizeText(3_250_000)).toBe('3.1 MB');
    expect(baseName('scale-melody.wav')).toBe('scale-melody');
    expect(baseName('.wav')).toBe('.wav');
  });

  it('lists tempo, meter, key, duration, note count and how it was heard', () => {
    const result: TranscriptionResponse = {
      transcription_id: 'x',
      mode: 'mono',
      duration: 2.8,
      notes: SCALE.map((n) => ({ ...n, velocity: 80 })),
      tempo: 120,
      time_signature: '3/4',
      key_signature: 'C',
      confidence: 0.98,
      warnings: [],
      download_urls: { musicxml: '', midi: '', pdf: '' },
      item_id: null,
    };
    const rows = factRows(result);
    expect(Object.fromEntries(rows)).toEqual({
      Tempo: '120 BPM',
      Meter: '3/4',
      Key: 'C major',
      Duration: '2.8 s',
      Notes: '5',
      'Heard as': 'Melody (one note at a time)',
    });
    expect(Object.fromEntries(factRows({ ...result, mode: 'poly' }))['Heard as']).toBe('Chords and parts');
  });
});
