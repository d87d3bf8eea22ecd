import { useEffect, useState, type RefObject } from 'react';

export interface QuestionAudioProps {
  /** The question's audio (the server synthesises it with the SoundFont). */
  readonly src: string;
  /** The page keeps the element, so Space and "Play again" can replay it. */
  readonly audioRef: RefObject<HTMLAudioElement | null>;
  readonly onReplay: () => void;
}

type AudioState = 'loading' | 'playing' | 'paused' | 'blocked' | 'failed';

const STATE_WORDS: Record<AudioState, string> = {
  loading: 'Loading the question…',
  playing: 'Playing…',
  paused: 'Listen again as often as you like.',
  blocked: 'Press Play to listen.',
  failed: 'Audio not available: the server could not play this question.',
};

/** Plays a question as soon as it arrives, and again on request. */
export function QuestionAudio({ src, audioRef, onReplay }: QuestionAudioProps) {
  const [state, setState] = useState<AudioState>('loading');

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    setState('loading');
    // "New question" was a click or a key, so the browser lets the page play it straight away.
    audio.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError') setState('blocked');
    });
  }, [src, audioRef]);

  return (
    <div className="ear-audio" role="group" aria-label="Question audio">
      <audio
        ref={audioRef}
        src={src}
        preload="auto"
        onPlay={() => setState('playing')}
        onPause={() => setState((s) => (s === 'failed' ? s : 'paused'))}
        onEnded={() => setState('paused')}
        onError={() => setState('failed')}
      />
      <button type="button" onClick={onReplay} disabled={state === 'failed'}>
        {state === 'blocked' ? '▶ Play' : '↻ Play again'}
      </button>
      <span className="ear-audio__state" role="status">
        {STATE_WORDS[state]}
      </span>
    </div>
  );
}
