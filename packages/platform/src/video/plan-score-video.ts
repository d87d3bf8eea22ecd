import { beatLength, toNumber, type Score } from '@cadenza/core';
import type { PcmAudio } from '../audio/wav.js';
import { engraveStrip } from './score-strip.js';
import type { TimedNote } from './score-timeline.js';
import { planScroll } from './scroll-plan.js';
import { unionBox } from './strip-geometry.js';
import { VideoError } from './video-error.js';

/** The picture and timing options of a score video. */
export interface ScoreVideoLayoutOptions {
  /** Frame width in pixels, even [1280]. */
  readonly width?: number;
  /** Frame height in pixels, even [720]. */
  readonly height?: number;
  /** Frames per second, 1–60 [30]. */
  readonly fps?: number;
  /**
   * Seconds of audio before the score's first beat [0]: the count-in the audio was rendered with
   * (`countInSeconds(score, beats)`: 4 beats at ♩ = 120 → 2). The picture holds on the opening until then.
   */
  readonly audioOffsetSeconds?: number;
}

/** Everything needed to draw each frame; pure data, so tests can check frames against it. */
export interface ScoreVideoPlan {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** round(audio seconds × fps): the video lasts exactly as long as the audio. */
  readonly frameCount: number;
  readonly audioOffsetSeconds: number;
  /** Seconds of audio. */
  readonly durationSeconds: number;
  /** Video pixels per strip (SVG) pixel. */
  readonly zoom: number;
  /** Size of the zoomed strip and the frame row where its top lies. */
  readonly stripWidth: number;
  readonly stripHeight: number;
  readonly stripTop: number;
  /** Rows the playhead spans, in frame pixels (the staves plus a little). */
  readonly playheadTop: number;
  readonly playheadBottom: number;
  /** Drawn notes with their sounding spans (score seconds) and notehead boxes (strip pixels, unzoomed). */
  readonly notes: readonly TimedNote[];
  /** Per frame, in zoomed strip pixels: the view's left edge and the playhead. */
  readonly scroll: Float64Array;
  readonly playhead: Float64Array;
  /** The strip's SVG, ready for rasterising. */
  readonly svg: string;
}

/** Largest zoom: a single staff is then about 115 px tall, easy to read at 720p without crowding. */
const MAX_ZOOM = 1.6;
/** Space kept free above and below the strip, in frame pixels. */
const FRAME_MARGIN = 40;

const bad = (message: string): VideoError => new VideoError('option', message);

function checkOptions(audio: PcmAudio, options: ScoreVideoLayoutOptions): Required<ScoreVideoLayoutOptions> {
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const fps = options.fps ?? 30;
  const audioOffsetSeconds = options.audioOffsetSeconds ?? 0;
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 64 || value > 3840 || value % 2 !== 0) {
      throw bad(`video ${name} ${value} must be an even number of pixels from 64 to 3840`);
    }
  }
  if (!Number.isInteger(fps) || fps < 1 || fps > 60)
    throw bad(`${fps} fps must be a whole number from 1 to 60`);
  if (!(audioOffsetSeconds >= 0 && audioOffsetSeconds < 600)) {
    throw bad(`an audio offset of ${audioOffsetSeconds} s must be from 0 to 600 seconds`);
  }
  if (!(Number.isInteger(audio.sampleRate) && audio.sampleRate >= 8000 && audio.sampleRate <= 192_000)) {
    throw bad(`audio sample rate ${audio.sampleRate} Hz must be a whole number from 8000 to 192000`);
  }
  const length = audio.channels[0]?.length ?? 0;
  if (
    audio.channels.length < 1 ||
    audio.channels.length > 8 ||
    audio.channels.some((c) => c.length !== length)
  ) {
    throw bad('audio needs 1 to 8 channels of equal length');
  }
  if (length === 0) throw bad('the audio is empty: a video needs a soundtrack at least one frame long');
  return { width, height, fps, audioOffsetSeconds };
}

/**
 * Engraves the score as one strip and plans every frame: the zoom that fits the strip's height into
 * the frame (at most MAX_ZOOM), where the strip sits, and per frame the scroll and the playhead.
 * Throws VideoError for bad options or audio, and when verovio cannot engrave the score.
 */
export async function planScoreVideo(
  score: Score,
  audio: PcmAudio,
  options: ScoreVideoLayoutOptions = {},
): Promise<ScoreVideoPlan> {
  const { width, height, fps, audioOffsetSeconds } = checkOptions(audio, options);
  const durationSeconds = (audio.channels[0]?.length ?? 0) / audio.sampleRate;
  const frameCount = Math.max(1, Math.round(durationSeconds * fps));
  const strip = await engraveStrip(score);
  const { geometry, timeline } = strip;
  const zoom = Math.min(MAX_ZOOM, (height - 2 * FRAME_MARGIN) / geometry.height);
  const stripWidth = Math.ceil(geometry.width * zoom);
  const stripHeight = Math.ceil(geometry.height * zoom);
  const stripTop = Math.round((height - stripHeight) / 2);
  const staves = unionBox([...geometry.boxes.values()].filter((b) => b.kind === 'staff'));
  const reach = staves ? staves.height * 0.15 + 8 : 0;
  const playheadTop = staves ? stripTop + (staves.y - reach) * zoom : stripTop;
  const playheadBottom = staves
    ? stripTop + (staves.y + staves.height + reach) * zoom
    : stripTop + stripHeight;
  const { scroll, playhead } = planScroll({
    anchors: timeline.anchors,
    zoom,
    stripWidth,
    viewWidth: width,
    frameCount,
    fps,
    audioOffsetSeconds,
  });
  return {
    width,
    height,
    fps,
    frameCount,
    audioOffsetSeconds,
    durationSeconds,
    zoom,
    stripWidth,
    stripHeight,
    stripTop,
    playheadTop: Math.max(0, playheadTop),
    playheadBottom: Math.min(height, playheadBottom),
    notes: timeline.notes,
    scroll,
    playhead,
    svg: strip.svg,
  };
}

/** Score time (seconds from the first beat) that frame `index` shows; negative during a count-in. */
export function frameScoreTime(plan: ScoreVideoPlan, index: number): number {
  return index / plan.fps - plan.audioOffsetSeconds;
}

/**
 * Seconds taken by a count-in of `beats` felt beats (a quarter in 4/4, a dotted quarter in 6/8) at the
 * score's first tempo: what `synthesizeScore(score, { countInBeats })` puts before the music, so pass
 * it as `audioOffsetSeconds`.
 */
export function countInSeconds(score: Score, beats: number): number {
  const meter = score.meters[0]?.timeSignature ?? { beats: 4, beatType: 4 };
  const bpm = score.tempos[0]?.bpm ?? 120;
  return (beats * toNumber(beatLength(meter)) * 60) / bpm;
}
