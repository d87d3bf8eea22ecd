import { useCallback, useEffect, useRef, useState } from 'react';
import { midiName, readNoteMessage, type TimedMidiMessage } from './midi-capture.js';

/** A MIDI input the browser offers. */
export interface MidiInputInfo {
  readonly id: string;
  readonly name: string;
}

export type MidiKeyboardState =
  | { readonly status: 'unsupported'; readonly message: string }
  | { readonly status: 'idle' }
  | { readonly status: 'requesting' }
  | { readonly status: 'denied'; readonly message: string }
  | { readonly status: 'ready'; readonly inputs: readonly MidiInputInfo[] };

/** Whether this browser has Web MIDI at all (Safari and Firefox without a flag do not). */
const hasWebMidi = () =>
  typeof navigator !== 'undefined' && typeof navigator.requestMIDIAccess === 'function';

function inputsOf(access: MIDIAccess): MidiInputInfo[] {
  return [...access.inputs.values()]
    .filter((input) => input.state !== 'disconnected')
    .map((input) => ({ id: input.id, name: input.name || input.manufacturer || `Input ${input.id}` }));
}

/**
 * A MIDI keyboard through Web MIDI: asks for access when `connect` is called, lists the inputs (again
 * when one is plugged in or out), and from the chosen input keeps every message with its time on the
 * performance.now() clock while a take is running. `heard` names the last key pressed, so the player
 * can check the keyboard is working before starting.
 */
export function useMidiKeyboard() {
  const [state, setState] = useState<MidiKeyboardState>(() =>
    hasWebMidi()
      ? { status: 'idle' }
      : {
          status: 'unsupported',
          message:
            'This browser has no Web MIDI, so it cannot hear a MIDI keyboard. Use Chrome or Edge, or record with the microphone instead.',
        },
  );
  const [inputId, setInputId] = useState('');
  const [heard, setHeard] = useState<string | undefined>();
  const accessRef = useRef<MIDIAccess | undefined>(undefined);
  const takeRef = useRef<TimedMidiMessage[] | undefined>(undefined);
  const inputIdRef = useRef(inputId);
  inputIdRef.current = inputId;

  const listen = useCallback((access: MIDIAccess) => {
    const onMessage = (event: MIDIMessageEvent) => {
      const input = event.currentTarget as MIDIInput | null;
      if (inputIdRef.current && input && input.id !== inputIdRef.current) return;
      if (!event.data) return;
      const data = [...event.data];
      const at = event.timeStamp > 0 ? event.timeStamp : performance.now();
      takeRef.current?.push({ data, at });
      const note = readNoteMessage(data);
      if (note?.kind === 'on') setHeard(midiName(note.midi));
    };
    for (const input of access.inputs.values()) input.onmidimessage = onMessage;
    const inputs = inputsOf(access);
    setState({ status: 'ready', inputs });
    setInputId((current) => (inputs.some((input) => input.id === current) ? current : (inputs[0]?.id ?? '')));
  }, []);

  const connect = useCallback(() => {
    if (!hasWebMidi()) return;
    setState({ status: 'requesting' });
    navigator
      .requestMIDIAccess({ sysex: false })
      .then((access) => {
        accessRef.current = access;
        access.onstatechange = () => listen(access);
        listen(access);
      })
      .catch((error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        setState({
          status: 'denied',
          message:
            name === 'SecurityError' || name === 'NotAllowedError'
              ? 'MIDI access was refused. Allow MIDI devices for this site in the browser’s settings, then try again.'
              : `The browser could not open its MIDI devices (${name || 'unknown error'}).`,
        });
      });
  }, [listen]);

  // Leaving the page stops listening.
  useEffect(
    () => () => {
      const access = accessRef.current;
      if (!access) return;
      access.onstatechange = null;
      for (const input of access.inputs.values()) input.onmidimessage = null;
    },
    [],
  );

  /** Starts keeping messages (any kept before are dropped). */
  const startTake = useCallback(() => {
    takeRef.current = [];
  }, []);
  /** Stops keeping messages and hands over what was kept. */
  const stopTake = useCallback((): TimedMidiMessage[] => {
    const messages = takeRef.current ?? [];
    takeRef.current = undefined;
    return messages;
  }, []);
  /** How many keys the running take has heard pressed (for a live count). */
  const takeKeys = useCallback(
    () => (takeRef.current ?? []).filter((message) => readNoteMessage(message.data)?.kind === 'on').length,
    [],
  );

  return { state, connect, inputId, setInputId, heard, startTake, stopTake, takeKeys };
}
