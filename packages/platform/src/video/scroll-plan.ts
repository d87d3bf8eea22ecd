import type { ScrollAnchor } from './score-timeline.js';

export interface ScrollPlanInput {
  /** Onsets in strip pixels (before zoom), from `buildTimeline`. */
  readonly anchors: readonly ScrollAnchor[];
  /** Video pixels per strip pixel. */
  readonly zoom: number;
  /** Width of the zoomed strip and of the video, in video pixels. */
  readonly stripWidth: number;
  readonly viewWidth: number;
  readonly frameCount: number;
  readonly fps: number;
  /** Seconds of audio before the score's first beat (a count-in); frame i shows score time i/fps − this. */
  readonly audioOffsetSeconds: number;
  /** Where the playhead rests across the view, 0–1 (default 1/3: more upcoming music than past). */
  readonly playheadFraction?: number;
  /** Width in seconds of the moving average that evens out the scroll speed (default 1). */
  readonly smoothingSeconds?: number;
}

/** Per frame: what part of the strip is shown and where the music is now, in zoomed strip pixels. */
export interface ScrollPlan {
  /** Left edge of the visible window; non-decreasing. Negative when a short strip is centred. */
  readonly scroll: Float64Array;
  /** The playhead in strip coordinates (screen x = playhead − scroll); non-decreasing. */
  readonly playhead: Float64Array;
}

/** Piecewise-linear x(t) through the anchors, held flat before the first and after the last. */
export function positionAt(anchors: readonly ScrollAnchor[], time: number): number {
  const first = anchors[0];
  if (!first) return 0;
  if (time <= first.time) return first.x;
  let low = 0;
  let high = anchors.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((anchors[mid] as ScrollAnchor).time <= time) low = mid;
    else high = mid - 1;
  }
  const a = anchors[low] as ScrollAnchor;
  const b = anchors[low + 1];
  if (!b) return a.x;
  return a.x + ((b.x - a.x) * (time - a.time)) / (b.time - a.time);
}

/**
 * Plans the scroll. The playhead follows the music exactly (it touches each note as it sounds); the
 * window follows a moving average of the playhead, so the page glides at an even speed even though
 * engraved spacing is not proportional to time, and the playhead hovers near `playheadFraction` of the
 * view. The window is held at the strip's ends, so the opening clef and the final barline stay in view
 * while the playhead walks in and out. Both series are monotonic because the anchors are.
 */
export function planScroll(input: ScrollPlanInput): ScrollPlan {
  const { anchors, zoom, frameCount, fps, stripWidth, viewWidth } = input;
  const fraction = input.playheadFraction ?? 1 / 3;
  const half = Math.max(0, Math.round(((input.smoothingSeconds ?? 1) * fps) / 2));
  const at = (frame: number): number => zoom * positionAt(anchors, frame / fps - input.audioOffsetSeconds);
  const playhead = new Float64Array(frameCount);
  for (let i = 0; i < frameCount; i++) playhead[i] = at(i);
  // Prefix sums over frames −half … frameCount−1+half, so the average near the ends sees real music.
  const span = frameCount + 2 * half;
  const prefix = new Float64Array(span + 1);
  for (let j = 0; j < span; j++) prefix[j + 1] = (prefix[j] as number) + at(j - half);
  const scroll = new Float64Array(frameCount);
  const maxScroll = stripWidth - viewWidth;
  for (let i = 0; i < frameCount; i++) {
    if (maxScroll <= 0) {
      scroll[i] = maxScroll / 2;
      continue;
    }
    const mean = ((prefix[i + 2 * half + 1] as number) - (prefix[i] as number)) / (2 * half + 1);
    scroll[i] = Math.min(maxScroll, Math.max(0, mean - fraction * viewWidth));
  }
  return { scroll, playhead };
}
