import { beatsToSeconds, midiOf, scoreTempoMap, toNumber, type Score, type TempoMap } from '@cadenza/core';
import { writeMusicXml } from '@cadenza/formats';
import { withVerovio } from '../engraving/verovio-toolkit.js';
import { withChordSigns } from '../engraving/verovio-input.js';
import type { VerovioToolkit } from '../engraving/verovio-types.js';
import { buildTimeline, type ScoreTimeline, type TimemapMoment } from './score-timeline.js';
import { readStripGeometry, type StripGeometry } from './strip-geometry.js';
import { VideoError } from './video-error.js';

/** The whole score engraved as one horizontal system, with where and when every note is. */
export interface EngravedStrip {
  /** SVG for rasterising: verovio's output with its bounding-box groups removed. */
  readonly svg: string;
  readonly geometry: StripGeometry;
  readonly timeline: ScoreTimeline;
}

/**
 * verovio options for one endless system at scale 100 (one SVG pixel per verovio pixel; the video
 * zooms when it rasterises). Bounding boxes give every note's position; SMuFL text (♩ in tempo marks,
 * dynamics) names the music font instead of embedding it, since resvg reads fonts from files.
 */
const STRIP_OPTIONS = {
  breaks: 'none',
  adjustPageWidth: true,
  adjustPageHeight: true,
  header: 'none',
  footer: 'none',
  scale: 100,
  svgBoundingBoxes: true,
  smuflTextFont: 'none',
  pageMarginLeft: 120,
  pageMarginRight: 40,
  pageMarginTop: 40,
  pageMarginBottom: 40,
  mnumInterval: 1,
  // The same score always gets the same SVG ids (a plan made twice names the same notes).
  xmlIdSeed: 1,
} as const;

/** verovio's empty and filled bounding-box groups (only the geometry reader needs them). */
const BOUNDING_BOX_GROUPS =
  /<g id="bbox-[^"]*" class="[^"]*bounding-box"\s*(?:\/>|>\s*<rect\b[^>]*\/>\s*<\/g>)/g;

/**
 * Engraves `score` with verovio as a single system (no line or page breaks) and times every drawn
 * note with the score's own tempo map, so highlights match audio synthesised from the same score.
 * Throws VideoError('engraving') when verovio cannot read or lay out the score.
 */
export async function engraveStrip(score: Score): Promise<EngravedStrip> {
  let xml: string;
  try {
    // ♭ and ♯ in chord symbols as signs verovio draws with its music font, as on printed pages.
    xml = withChordSigns(writeMusicXml(score));
  } catch (error) {
    throw new VideoError('engraving', `the score cannot be engraved: ${(error as Error).message}`);
  }
  const tempoMap = scoreTempoMap(score);
  const engraved = await withVerovio((tk) => {
    tk.setOptions(STRIP_OPTIONS);
    if (!tk.loadData(xml)) {
      throw new VideoError('engraving', `verovio could not read the score: ${tk.getLog().trim()}`);
    }
    const pages = tk.getPageCount();
    if (pages !== 1) {
      throw new VideoError('engraving', `verovio laid the score out on ${pages} pages instead of one strip`);
    }
    const svg = tk.renderToSVG(1);
    const timemap = tk.renderToTimemap({
      includeRests: true,
      includeMeasures: true,
    }) as readonly TimemapMoment[];
    return { svg, timemap, startShifts: startShifts(tk, score, timemap, tempoMap) };
  });
  const geometry = readStripGeometry(engraved.svg);
  const timeline = buildTimeline({
    timemap: engraved.timemap,
    boxes: geometry.boxes,
    tempoMap,
    startShifts: engraved.startShifts,
  });
  return { svg: engraved.svg.replace(BOUNDING_BOX_GROUPS, ''), geometry, timeline };
}

/**
 * Performance offsets (swing, laid-back notes) move a note's sound but not its notation, and synthesis
 * plays them; so a drawn note whose score note has an offset starts its highlight that much later.
 * Drawn notes are matched to score notes by notated onset and key number. Costs nothing for scores
 * without offsets (most of them).
 */
function startShifts(
  tk: VerovioToolkit,
  score: Score,
  timemap: readonly TimemapMoment[],
  tempoMap: TempoMap,
): Map<string, number> {
  const shifts = new Map<string, number>();
  const shifted = new Map<string, number>();
  for (const part of score.parts) {
    for (const note of part.notes) {
      if (!note.offset) continue;
      const at = toNumber(note.position);
      const seconds = beatsToSeconds(tempoMap, at + note.offset) - beatsToSeconds(tempoMap, note.position);
      shifted.set(`${at.toFixed(6)}:${midiOf(note.pitch)}`, seconds);
    }
  }
  if (shifted.size === 0) return shifts;
  for (const moment of timemap) {
    for (const id of moment.on ?? []) {
      const key = `${moment.qstamp.toFixed(6)}:${tk.getMIDIValuesForElement(id).pitch}`;
      const seconds = shifted.get(key);
      if (seconds !== undefined) shifts.set(id, seconds);
    }
  }
  return shifts;
}
