import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { VerovioToolkit } from 'verovio/esm';
import { parseTimemap, type Timemap } from './timemap.js';
import { scoreLayout, verovioOptions } from './score-layout.js';
import { useVerovioLoader } from './verovio-context.js';

/** What a rendered score offers the Player. */
export interface RenderedScore {
  /** verovio's timemap of the score (performance milliseconds → note ids). */
  readonly timemap: Timemap;
  /** The element holding the current page's SVG; note elements inside it have the timemap's ids. */
  readonly svgContainer: HTMLElement;
  /** Turns to the page showing the element with this id, if it is not on the current page. */
  readonly showElement: (id: string) => void;
  /** The MIDI pitch of a note element (by id), or undefined when it is not a note of this score. */
  readonly midiOf: (id: string) => number | undefined;
}

/** A class and a tooltip put on one note element (e.g. a graded attempt's verdict). */
export interface ScoreNoteMark {
  readonly className: string;
  readonly title: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Marks the view added, so it can take them off again. */
const MARKED = 'data-score-mark';

/** Puts `marks` on the page's note elements and takes earlier ones off (a page turn brings fresh SVG). */
function applyNoteMarks(container: HTMLElement, marks: ReadonlyMap<string, ScoreNoteMark> | undefined) {
  for (const element of container.querySelectorAll(`[${MARKED}]`)) {
    const previous = element.getAttribute(MARKED);
    if (previous) element.classList.remove(previous);
    element.removeAttribute(MARKED);
    element.querySelector(':scope > title[data-score-mark-title]')?.remove();
  }
  for (const [id, mark] of marks ?? []) {
    const element = container.querySelector(`#${CSS.escape(id)}`);
    if (!element) continue;
    element.classList.add(mark.className);
    element.setAttribute(MARKED, mark.className);
    const title = document.createElementNS(SVG_NS, 'title');
    title.setAttribute('data-score-mark-title', '');
    title.textContent = mark.title;
    element.prepend(title);
  }
}

export interface ScoreViewProps {
  /** The music to show, as MusicXML text. */
  readonly musicXml: string;
  /** What the score is, for assistive technology: "Score of Cmaj7". */
  readonly label: string;
  /** Called once the score is engraved (again after the music changes). */
  readonly onRendered?: (score: RenderedScore) => void;
  /** Note id → a class and tooltip to put on that note (kept across page turns and re-layouts). */
  readonly noteMarks?: ReadonlyMap<string, ScoreNoteMark>;
}

type Status =
  | { readonly state: 'loading' }
  | { readonly state: 'ready' }
  | { readonly state: 'error'; readonly message: string };

/**
 * Engraves MusicXML with verovio in the browser: the engraver loads when the first ScoreView mounts,
 * pages are laid out to the container's width (again when it is resized) and turned with the buttons or,
 * when the score has focus, the arrow and Page Up/Down keys.
 */
export function ScoreView({ musicXml, label, onRendered, noteMarks }: ScoreViewProps) {
  const loader = useVerovioLoader();
  const frameRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const toolkitRef = useRef<VerovioToolkit | null>(null);
  const widthRef = useRef(0);
  const onRenderedRef = useRef(onRendered);
  onRenderedRef.current = onRendered;
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(0);
  const [svg, setSvg] = useState('');

  const renderPage = useCallback((toolkit: VerovioToolkit, wanted: number) => {
    const count = toolkit.getPageCount();
    const shown = Math.min(Math.max(1, wanted), Math.max(1, count));
    setPageCount(count);
    setPage(shown);
    setSvg(count > 0 ? toolkit.renderToSVG(shown) : '');
  }, []);

  // Engrave when the music changes.
  useEffect(() => {
    let cancelled = false;
    setStatus({ state: 'loading' });
    loader
      .createToolkit()
      .then((toolkit) => {
        if (cancelled) return toolkit.destroy();
        toolkitRef.current = toolkit;
        widthRef.current = frameRef.current?.clientWidth ?? 800;
        toolkit.setOptions(verovioOptions(scoreLayout(widthRef.current)));
        if (!toolkit.loadData(musicXml)) throw new Error('the engraver could not read this MusicXML');
        const timemap = parseTimemap(toolkit.renderToTimemap({ includeRests: false }));
        renderPage(toolkit, 1);
        setStatus({ state: 'ready' });
        const svgContainer = pageRef.current;
        if (svgContainer) {
          const showElement = (id: string) => {
            const target = toolkitRef.current?.getPageWithElement(id) ?? 0;
            if (target > 0) setPage((current) => (current === target ? current : target));
          };
          const midiOf = (id: string) => {
            const pitch = toolkitRef.current?.getMIDIValuesForElement(id).pitch;
            return typeof pitch === 'number' && pitch > 0 ? pitch : undefined;
          };
          onRenderedRef.current?.({ timemap, svgContainer, showElement, midiOf });
        }
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      toolkitRef.current?.destroy();
      toolkitRef.current = null;
    };
  }, [loader, musicXml, renderPage]);

  // Show the page asked for (buttons, keys or the Player following the music).
  useEffect(() => {
    const toolkit = toolkitRef.current;
    if (toolkit && status.state === 'ready') setSvg(toolkit.renderToSVG(page));
  }, [page, status.state]);

  // Marks (e.g. a graded attempt's colours) go on whatever page is showing.
  useEffect(() => {
    const container = pageRef.current;
    if (container && (noteMarks || container.querySelector(`[${MARKED}]`)))
      applyNoteMarks(container, noteMarks);
  }, [svg, noteMarks]);

  // Lay out again when the width changes enough to matter.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const toolkit = toolkitRef.current;
        const width = frame.clientWidth;
        if (!toolkit || width === 0 || Math.abs(width - widthRef.current) < 8) return;
        widthRef.current = width;
        toolkit.setOptions(verovioOptions(scoreLayout(width)));
        toolkit.redoLayout();
        renderPage(toolkit, 1);
      }, 150);
    });
    observer.observe(frame);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [renderPage]);

  const turn = (delta: number) => setPage((current) => Math.min(Math.max(1, current + delta), pageCount));
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => void> = {
      ArrowRight: () => turn(1),
      PageDown: () => turn(1),
      ArrowLeft: () => turn(-1),
      PageUp: () => turn(-1),
      Home: () => setPage(1),
      End: () => setPage(pageCount),
    };
    const move = moves[event.key];
    if (move && pageCount > 1) {
      event.preventDefault();
      move();
    }
  };

  return (
    <section className="score-view" aria-label={label} aria-busy={status.state === 'loading'}>
      {status.state === 'loading' && <p className="score-view__status">Engraving the score…</p>}
      {status.state === 'error' && (
        <p className="score-view__status error" role="alert">
          The score could not be shown: {status.message}
        </p>
      )}
      <div ref={frameRef} className="score-view__frame">
        <div
          ref={pageRef}
          className="score-view__page"
          role="img"
          tabIndex={0}
          aria-label={`${label}, page ${page} of ${Math.max(1, pageCount)}`}
          aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
          onKeyDown={onKeyDown}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      </div>
      {pageCount > 1 && (
        <div className="score-view__pager">
          <button type="button" onClick={() => turn(-1)} disabled={page <= 1}>
            ← Previous page
          </button>
          <span aria-live="polite">
            Page {page} of {pageCount}
          </span>
          <button type="button" onClick={() => turn(1)} disabled={page >= pageCount}>
            Next page →
          </button>
        </div>
      )}
    </section>
  );
}
