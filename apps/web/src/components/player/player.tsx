import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { buildSoundingIndex, soundingAt, type Timemap } from '../score-view/timemap.js';
import { markSounding } from './note-cursor.js';

export interface PlayerProps {
  /** Where the audio comes from: a server URL (or a blob: URL of audio fetched from it). */
  readonly audioUrl: string;
  /** verovio's timemap of the score shown, to know which notes sound at the current time. */
  readonly timemap: Timemap;
  /** The element holding the score's SVG; the cursor marks note elements inside it by id. */
  readonly svgContainer: HTMLElement;
  /** Called with the first note sounding whenever the set changes, e.g. to turn the score's page. */
  readonly onNoteOn?: (id: string) => void;
  /** Accessible name of the player: "Play Cmaj7". */
  readonly label?: string;
}

/** m:ss for a number of seconds. */
function clock(seconds: number): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * Plays audio from the server and moves a cursor over the score: on every animation frame while playing
 * it looks up the notes sounding at currentTime in the timemap and marks their SVG elements.
 */
export function Player({ audioUrl, timemap, svgContainer, onNoteOn, label = 'Player' }: PlayerProps) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const index = useMemo(() => buildSoundingIndex(timemap), [timemap]);
  const onNoteOnRef = useRef(onNoteOn);
  onNoteOnRef.current = onNoteOn;
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const positionId = useId();

  useEffect(() => setFailed(false), [audioUrl]);

  // The cursor: follow the audio clock while playing; clear it when stopped.
  useEffect(() => {
    const audio = audioRef.current;
    if (!audio || !playing) return;
    let frame = 0;
    let last = '';
    const step = () => {
      const ids = soundingAt(index, audio.currentTime * 1000);
      const key = ids.join(' ');
      if (key !== last && ids[0] !== undefined) onNoteOnRef.current?.(ids[0]);
      last = key;
      markSounding(svgContainer, ids);
      setTime(audio.currentTime);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(frame);
      markSounding(svgContainer, []);
    };
  }, [playing, index, svgContainer]);

  if (failed) {
    return (
      <p className="player player--unavailable" role="status">
        Audio not available for this result: the server could not make it.
      </p>
    );
  }

  const toggle = () => {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.paused) audio.play().catch(() => setFailed(true));
    else audio.pause();
  };
  const stop = () => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.pause();
    audio.currentTime = 0;
    setTime(0);
  };

  return (
    <div className="player" role="group" aria-label={label}>
      <audio
        ref={audioRef}
        src={audioUrl}
        preload="auto"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => setFailed(true)}
        onLoadedMetadata={(event) => setDuration(event.currentTarget.duration)}
        onTimeUpdate={(event) => setTime(event.currentTarget.currentTime)}
      />
      <button type="button" className="player__toggle" onClick={toggle} aria-pressed={playing}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={stop} disabled={!playing && time === 0}>
        ■ Stop
      </button>
      <label htmlFor={positionId} className="visually-hidden">
        Position
      </label>
      <input
        id={positionId}
        type="range"
        min={0}
        max={duration || 0}
        step={0.1}
        value={Math.min(time, duration || 0)}
        onChange={(event) => {
          const audio = audioRef.current;
          if (audio) audio.currentTime = Number(event.currentTarget.value);
        }}
        aria-valuetext={`${clock(time)} of ${clock(duration)}`}
      />
      <span className="player__clock" aria-hidden="true">
        {clock(time)} / {clock(duration)}
      </span>
    </div>
  );
}
