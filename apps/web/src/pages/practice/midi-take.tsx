import { useEffect, useId, useRef, useState } from 'react';
import { playClicks } from './click-sound.js';
import { notesFromMidiMessages, type CapturedNote } from './midi-capture.js';
import { countIn, parseMeter } from './practice-timing.js';
import { useMidiKeyboard } from './use-midi-keyboard.js';

type Phase =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'counting'; readonly startedAt: number; readonly downbeatAt: number }
  | { readonly kind: 'playing'; readonly startedAt: number };

/**
 * Playing the exercise on a MIDI keyboard: connect (Web MIDI), choose the input, Start (a bar of
 * count-in clicks at the exercise's tempo, shown beat by beat), play, Stop and grade. The notes go to
 * `onTake` in seconds from Start; the grader finds the first downbeat and the tempo kept by itself.
 */
export function MidiTake({
  tempo,
  timeSignature,
  busy,
  onTake,
}: {
  readonly tempo: number;
  readonly timeSignature: string;
  /** A take is being graded: no new one until it is done. */
  readonly busy: boolean;
  readonly onTake: (notes: CapturedNote[]) => void;
}) {
  const keyboard = useMidiKeyboard();
  const { state } = keyboard;
  const [withCountIn, setWithCountIn] = useState(true);
  const [phase, setPhase] = useState<Phase>({ kind: 'waiting' });
  const [now, setNow] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const silence = useRef<() => void>(() => undefined);
  const selectId = useId();
  const meter = parseMeter(timeSignature);

  // While a take runs: tick for the beat display and the note count; the count-in ends on the downbeat.
  useEffect(() => {
    if (phase.kind === 'waiting') return;
    const timer = setInterval(() => {
      const at = performance.now();
      setNow(at);
      if (phase.kind === 'counting' && at >= phase.downbeatAt) {
        setPhase({ kind: 'playing', startedAt: phase.startedAt });
      }
    }, 40);
    return () => clearInterval(timer);
  }, [phase]);

  useEffect(() => () => silence.current(), []);

  const start = () => {
    setProblem(undefined);
    const startedAt = performance.now();
    keyboard.startTake();
    setNow(startedAt);
    if (!withCountIn) {
      setPhase({ kind: 'playing', startedAt });
      return;
    }
    const { clicks, length } = countIn(meter, tempo, 1);
    silence.current = playClicks(clicks);
    setPhase({ kind: 'counting', startedAt, downbeatAt: startedAt + length });
  };

  const stop = () => {
    if (phase.kind === 'waiting') return;
    silence.current();
    const stopAt = performance.now();
    const messages = keyboard.stopTake();
    setPhase({ kind: 'waiting' });
    const notes = notesFromMidiMessages(messages, {
      originAt: phase.startedAt,
      stopAt,
      ignoreBefore: phase.startedAt,
    });
    if (notes.length === 0) {
      setProblem(
        'No notes were heard from the keyboard. Check that the right input is chosen, then try again.',
      );
      return;
    }
    onTake(notes);
  };

  if (state.status === 'unsupported') {
    return (
      <p className="practice-take__note" role="status">
        {state.message}
      </p>
    );
  }
  if (state.status === 'idle' || state.status === 'denied' || state.status === 'requesting') {
    return (
      <div className="practice-take__body">
        <button
          type="button"
          className="button-secondary"
          onClick={keyboard.connect}
          disabled={state.status === 'requesting'}
        >
          {state.status === 'denied' ? 'Try connecting again' : 'Connect a MIDI keyboard'}
        </button>
        {state.status === 'requesting' && (
          <p className="muted">Waiting for the browser to open its MIDI devices…</p>
        )}
        {state.status === 'denied' && (
          <p className="error" role="alert">
            {state.message}
          </p>
        )}
      </div>
    );
  }
  if (state.inputs.length === 0) {
    return (
      <p className="practice-take__note" role="status">
        No MIDI keyboard is connected. Plug one in (it appears here by itself), or record with the microphone
        instead.
      </p>
    );
  }

  const beat = countInBeat(meter, tempo, phase, now);
  const keysHeard = phase.kind === 'playing' ? keyboard.takeKeys() : 0;
  return (
    <div className="practice-take__body">
      <div className="practice-take__row">
        <label htmlFor={selectId}>MIDI input</label>
        <select
          id={selectId}
          value={keyboard.inputId}
          onChange={(event) => keyboard.setInputId(event.target.value)}
          disabled={phase.kind !== 'waiting'}
        >
          {state.inputs.map((input) => (
            <option key={input.id} value={input.id}>
              {input.name}
            </option>
          ))}
        </select>
        <span className="muted" role="status">
          {keyboard.heard ? `Last key: ${keyboard.heard}` : 'Press a key to check it is heard.'}
        </span>
      </div>
      {phase.kind === 'waiting' ? (
        <div className="practice-take__row">
          <label>
            <input
              type="checkbox"
              checked={withCountIn}
              onChange={(event) => setWithCountIn(event.target.checked)}
            />{' '}
            Count in one bar first
          </label>
          <button type="button" onClick={start} disabled={busy}>
            ▶ Start
          </button>
        </div>
      ) : (
        <div className="practice-take__row">
          {phase.kind === 'counting' ? (
            <p className="practice-take__beat" aria-live="polite">
              Count-in: {beat.beat} of {beat.of}
            </p>
          ) : (
            <p className="practice-take__beat practice-take__beat--go" aria-live="polite">
              Play now · {keysHeard} {keysHeard === 1 ? 'key' : 'keys'} heard
            </p>
          )}
          <button type="button" className="recorder__stop" onClick={stop}>
            ■ Stop and grade
          </button>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The count-in beat showing now (1-based) and how many there are. */
function countInBeat(
  meter: ReturnType<typeof parseMeter>,
  tempo: number,
  phase: Phase,
  now: number,
): { readonly beat: number; readonly of: number } {
  const { clicks } = countIn(meter, tempo, 1);
  if (phase.kind !== 'counting') return { beat: 0, of: clicks.length };
  const elapsed = now - phase.startedAt;
  const beat = clicks.filter((click) => click.at <= elapsed).length;
  return { beat: Math.max(1, beat), of: clicks.length };
}
