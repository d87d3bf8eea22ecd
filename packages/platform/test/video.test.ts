import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScore,
  midiOf,
  midiToFrequency,
  parsePitch,
  rat,
  toNumber,
  type Bpm,
  type Note,
  type Score,
} from '@cadenza/core';
import {
  countInSeconds,
  planScoreVideo,
  synthesizeScore,
  renderScoreVideo,
  VideoError,
  type PcmAudio,
  type ScoreVideoPlan,
  type ScoreVideoResult,
} from '@cadenza/platform';

/** Debian's ffprobe/ffmpeg check the MP4 independently; missing outside CI → skip, under CI → fail. */
function hasTool(name: string): boolean {
  const ok = spawnSync(name, ['-version'], { stdio: 'ignore' }).status === 0;
  if (!ok && process.env.CI === 'true')
    throw new Error(`${name} is missing: CI must install it (apt ffmpeg)`);
  if (!ok) console.warn(`skipping the score video tests: ${name} is not on PATH`);
  return ok;
}

function tool(name: string, args: readonly string[]): Buffer {
  const result = spawnSync(name, args, { maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${String(result.stderr)}`);
  return result.stdout;
}

const FPS = 30;
const SECONDS_PER_BEAT = 0.5; // ♩ = 120, the score's default tempo
const WIDTH = 1280;
const HEIGHT = 720;

/**
 * 15 bars of 4/4 (60 beats = 30 s): quarter notes up and down the C-major scale from C4 to C5, with a
 * rest on the last beat of every second bar.
 */
function scaleScore(): Score {
  const steps = ['C4', 'D4', 'E4', 'F4', 'G4', 'A4', 'B4', 'C5'];
  const notes: Note[] = [];
  for (let beat = 0; beat < 60; beat++) {
    if (beat % 8 === 7) continue;
    const k = beat % 14;
    const pitch = parsePitch(steps[k < 8 ? k : 14 - k] as string);
    notes.push({ pitch, position: rat(beat), duration: rat(1), staff: 1, voice: 1 });
  }
  return createScore({ metadata: { title: 'Scale' }, parts: [{ notes }], end: rat(60) });
}

/** Exactly 30 s: each note a sine burst (5 ms attack and release), silence in the rests. */
function toneBursts(score: Score, sampleRate: number): PcmAudio {
  const samples = new Float32Array(60 * SECONDS_PER_BEAT * sampleRate);
  const ramp = 0.005 * sampleRate;
  for (const note of score.parts[0]?.notes ?? []) {
    const first = Math.round(toNumber(note.position) * SECONDS_PER_BEAT * sampleRate);
    const length = Math.round(toNumber(note.duration) * SECONDS_PER_BEAT * sampleRate);
    const hz = midiToFrequency(midiOf(note.pitch));
    for (let i = 0; i < length; i++) {
      const envelope = Math.min(1, i / ramp, (length - i) / ramp);
      samples[first + i] = 0.4 * envelope * Math.sin((2 * Math.PI * hz * i) / sampleRate);
    }
  }
  return { sampleRate, channels: [samples, samples.slice()] };
}

interface Highlight {
  /** Centre of the highlighted pixels, in frame pixels. */
  readonly x: number;
  readonly y: number;
  readonly count: number;
}

/** The warm highlight (amber box, orange notehead): red well above blue, which black, grey and the blue playhead never are. */
function findHighlight(frame: Uint8Array): Highlight | undefined {
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const r = frame[i] as number;
      const b = frame[i + 2] as number;
      if (r > 150 && r - b > 80) {
        sx += x;
        sy += y;
        count++;
      }
    }
  }
  return count < 50 ? undefined : { x: sx / count, y: sy / count, count };
}

/** Decodes the listed frames (by index, ascending) of an MP4 as RGB, in one pass. */
function extractFrames(path: string, indices: readonly number[]): Uint8Array[] {
  const select = indices.map((i) => `eq(n\\,${i})`).join('+');
  const raw = tool('ffmpeg', [
    ...['-v', 'error', '-i', path, '-vf', `select='${select}'`, '-fps_mode', 'passthrough'],
    ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
  ]);
  const size = WIDTH * HEIGHT * 3;
  expect(raw.length).toBe(size * indices.length);
  return indices.map((_, k) => new Uint8Array(raw.buffer, raw.byteOffset + k * size, size));
}

describe.skipIf(!hasTool('ffprobe') || !hasTool('ffmpeg'))('scrolling-score video', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-video-test-'));
  const outFile = join(dir, 'scale.mp4');
  const score = scaleScore();
  const audio = toneBursts(score, 44_100);
  const progress: number[] = [];
  let result: ScoreVideoResult;
  let plan: ScoreVideoPlan;

  beforeAll(async () => {
    result = await renderScoreVideo(score, audio, { outFile, onProgress: (f) => progress.push(f) });
    plan = await planScoreVideo(score, audio);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is an MP4 with H.264 1280×720 at 30 fps and AAC, 30 s and 900 frames long', () => {
    expect(result).toMatchObject({ path: outFile, frames: 900, width: WIDTH, height: HEIGHT, fps: FPS });
    const probe = JSON.parse(
      String(
        tool('ffprobe', [
          ...['-v', 'error', '-count_frames', '-show_format', '-show_streams', '-of', 'json', outFile],
        ]),
      ),
    ) as {
      format: { format_name: string; duration: string };
      streams: Array<Record<string, string | number>>;
    };
    expect(probe.format.format_name).toContain('mp4');
    expect(Number(probe.format.duration)).toBeCloseTo(30, 1);
    expect(Math.abs(Number(probe.format.duration) - 30)).toBeLessThanOrEqual(0.1);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const sound = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: WIDTH, height: HEIGHT, pix_fmt: 'yuv420p' });
    expect(video?.r_frame_rate).toBe('30/1');
    expect(Math.abs(Number(video?.nb_read_frames) - 900)).toBeLessThanOrEqual(3);
    expect(sound).toMatchObject({ codec_name: 'aac', sample_rate: '44100', channels: 2 });
    // Both streams start at 0: nothing shifts the sound against the picture.
    expect(Number(video?.start_time)).toBe(0);
    expect(Math.abs(Number(sound?.start_time))).toBeLessThan(0.001);
  });

  it('reports progress rising to 1', () => {
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1] as number);
  });

  it('times every drawn note as the score (and so the audio) does', () => {
    const notes = score.parts[0]?.notes ?? [];
    expect(plan.notes).toHaveLength(notes.length);
    plan.notes.forEach((drawn, k) => {
      const note = notes[k] as Note;
      expect(drawn.start).toBeCloseTo(toNumber(note.position) * SECONDS_PER_BEAT, 6);
      expect(drawn.end).toBeCloseTo((toNumber(note.position) + 1) * SECONDS_PER_BEAT, 6);
    });
  });

  it('highlights the sounding note, and only it, frame-accurately, moving right through the score', () => {
    const notes = score.parts[0]?.notes ?? [];
    // Mid-note frames across the piece, one mid-rest, plus the frames either side of two onsets: beat 8
    // follows a rest (frame 119 shows the rest, 120 the note) and beat 20 follows beat 19 directly.
    const indices = [8, 37, 112, 119, 120, 154, 299, 300, 322, 502, 697, 885];
    const frames = extractFrames(outFile, indices);
    const seen: Array<{ frame: number; scoreX: number; y: number; midi: number }> = [];
    indices.forEach((index, k) => {
      const t = index / FPS;
      const soundingIndex = notes.findIndex((n) => {
        const start = toNumber(n.position) * SECONDS_PER_BEAT;
        return start <= t && t < start + SECONDS_PER_BEAT;
      });
      const highlight = findHighlight(frames[k] as Uint8Array);
      if (soundingIndex < 0) {
        expect(highlight, `frame ${index} (${t.toFixed(3)} s) falls in a rest`).toBeUndefined();
        return;
      }
      expect(highlight, `frame ${index} (${t.toFixed(3)} s) has a highlight`).toBeDefined();
      const head = (plan.notes[soundingIndex] as (typeof plan.notes)[number]).box;
      const scroll = Math.round(plan.scroll[index] as number);
      const scoreX = (highlight as Highlight).x + scroll;
      const centreX = (head.x + head.width / 2) * plan.zoom;
      const centreY = plan.stripTop + (head.y + head.height / 2) * plan.zoom;
      // The highlight is centred on the sounding note's head (within half a head), not a neighbour's.
      expect(Math.abs(scoreX - centreX), `frame ${index}: x`).toBeLessThan((head.width * plan.zoom) / 2);
      expect(Math.abs((highlight as Highlight).y - centreY), `frame ${index}: y`).toBeLessThan(
        (head.height * plan.zoom) / 2,
      );
      seen.push({
        frame: index,
        scoreX,
        y: (highlight as Highlight).y,
        midi: midiOf((notes[soundingIndex] as Note).pitch),
      });
    });
    expect(seen.length).toBe(indices.length - 2); // frames 112 and 119 fall in the rest on beat 7
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]] as [(typeof seen)[number], (typeof seen)[number]];
      // Moves monotonically right in score coordinates (scroll + screen x).
      expect(b.scoreX, `frame ${b.frame} after ${a.frame}`).toBeGreaterThanOrEqual(a.scoreX);
    }
    // A higher note's highlight sits higher on the staff.
    const byPitch = [...seen].sort((a, b) => a.midi - b.midi);
    for (let i = 1; i < byPitch.length; i++) {
      const [a, b] = [byPitch[i - 1], byPitch[i]] as [(typeof seen)[number], (typeof seen)[number]];
      if (b.midi > a.midi) expect(b.y).toBeLessThan(a.y);
    }
  });

  it('scrolls continuously and never backwards; the playhead stays in view', () => {
    for (let i = 1; i < plan.frameCount; i++) {
      const step = (plan.scroll[i] as number) - (plan.scroll[i - 1] as number);
      expect(step).toBeGreaterThanOrEqual(0);
      expect(step).toBeLessThan(20); // px per frame: a glide, never a jump
      expect(plan.playhead[i]).toBeGreaterThanOrEqual(plan.playhead[i - 1] as number);
      const screen = (plan.playhead[i] as number) - (plan.scroll[i] as number);
      expect(screen).toBeGreaterThan(0);
      expect(screen).toBeLessThan(WIDTH);
    }
  });

  it('plays the sound on the same clock: the note after the rest at 3.5–4 s starts at 4 s', () => {
    const raw = tool('ffmpeg', ['-v', 'error', '-i', outFile, '-map', '0:a', '-ac', '1', '-f', 'f32le', '-']);
    const pcm = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
    const rate = 44_100;
    expect(Math.abs(pcm.length / rate - 30)).toBeLessThan(0.03);
    const level = (from: number, to: number): number => {
      let peak = 0;
      for (let i = Math.round(from * rate); i < Math.round(to * rate); i++)
        peak = Math.max(peak, Math.abs(pcm[i] ?? 0));
      return peak;
    };
    expect(level(3.55, 3.95)).toBeLessThan(0.02);
    let onset = Math.round(3.55 * rate);
    while (Math.abs(pcm[onset] ?? 1) < 0.1) onset++;
    expect(Math.abs(onset / rate - 4)).toBeLessThan(0.01);
    // …and frame 120 (4.000 s) is the first to highlight that note (checked above).
  });

  it('cancels: ffmpeg stops, no output or temporary file is left, the error says aborted', async () => {
    const work = mkdtempSync(join(dir, 'tmp-'));
    const cancelled = join(dir, 'cancelled.mp4');
    const controller = new AbortController();
    const run = renderScoreVideo(score, audio, {
      outFile: cancelled,
      tmpDir: work,
      signal: controller.signal,
      onProgress: (f) => {
        if (f >= 0.05) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'VideoError', code: 'aborted' });
    expect(existsSync(cancelled)).toBe(false);
    expect(readdirSync(work)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([]);
  });

  it('refuses options it cannot honour, with a message', async () => {
    await expect(planScoreVideo(score, audio, { width: 1279 })).rejects.toThrow(/even number of pixels/);
    await expect(planScoreVideo(score, audio, { fps: 0 })).rejects.toThrow(VideoError);
    await expect(
      planScoreVideo(score, { sampleRate: 44_100, channels: [new Float32Array(0)] }),
    ).rejects.toThrow(/audio is empty/);
  });
});

describe.skipIf(!hasTool('ffmpeg'))('score video with synthesised audio and a count-in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-video-count-in-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Two bars of an arpeggio in 3/4 at ♩ = 90, so nothing lines up with defaults by luck. */
  const score = createScore({
    meters: [{ position: rat(0), timeSignature: { beats: 3, beatType: 4 } }],
    tempos: [{ position: rat(0), bpm: 90 as Bpm }],
    parts: [
      {
        notes: ['C4', 'E4', 'G4', 'C5', 'G4', 'E4'].map((p, i): Note => ({
          pitch: parsePitch(p),
          position: rat(i),
          duration: rat(1),
          staff: 1,
          voice: 1,
        })),
      },
    ],
  });

  /** Where `b` best matches `a` shifted, searched within ±`range` samples of `around` (normalised correlation). */
  function bestLag(
    a: Float32Array,
    b: Float32Array,
    around: number,
    range: number,
    from: number,
    length: number,
  ): number {
    let best = -Infinity;
    let lag = around;
    for (let d = around - range; d <= around + range; d++) {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let i = from; i < from + length; i++) {
        const x = a[i] ?? 0;
        const y = b[i + d] ?? 0;
        ab += x * y;
        aa += x * x;
        bb += y * y;
      }
      const r = ab / Math.sqrt(aa * bb || 1);
      if (r > best) [best, lag] = [r, d];
    }
    expect(best).toBeGreaterThan(0.9);
    return lag;
  }

  it('countInSeconds is the lead-in synthesizeScore plays, and the first highlight waits for it', async () => {
    const offset = countInSeconds(score, 3); // three beats at ♩ = 90
    expect(offset).toBeCloseTo(2, 9);
    const plain = await synthesizeScore(score);
    const counted = await synthesizeScore(score, { countInBeats: 3 });
    const rate = plain.sampleRate;
    const lag = bestLag(
      plain.channels[0] as Float32Array,
      counted.channels[0] as Float32Array,
      offset * rate,
      441,
      0,
      rate / 2,
    );
    expect(Math.abs(lag / rate - offset)).toBeLessThan(0.002);

    const outFile = join(dir, 'count-in.mp4');
    await renderScoreVideo(score, counted, { outFile, audioOffsetSeconds: offset });
    const first = offset * FPS; // frame 60 is the first note's onset
    const [before, at, third] = extractFrames(outFile, [first - 1, first, first + 2 * 20]);
    expect(findHighlight(before as Uint8Array)).toBeUndefined();
    const plan = await planScoreVideo(score, counted, { audioOffsetSeconds: offset });
    const heads = plan.notes.map((n) => n.box);
    const onHead = (h: Highlight | undefined, k: number, frame: number): void => {
      expect(h, `frame ${frame}`).toBeDefined();
      const head = heads[k] as (typeof heads)[number];
      const scoreX = (h as Highlight).x + Math.round(plan.scroll[frame] as number);
      expect(Math.abs(scoreX - (head.x + head.width / 2) * plan.zoom)).toBeLessThan(
        (head.width * plan.zoom) / 2,
      );
    };
    onHead(findHighlight(at as Uint8Array), 0, first);
    onHead(findHighlight(third as Uint8Array), 2, first + 40); // 40 frames = 4/3 s = two beats at ♩ = 90
  }, 60_000);
});
