/**
 * Runs in the page before the studio (page.addInitScript): a Web MIDI access with one input, "Cadenza
 * Test Keys", and window.__fakeMidi.play(notes) that presses and releases its keys on time, as a
 * keyboard sends note on / note off to input.onmidimessage. For e2e tests that play exercises.
 */
export const FAKE_MIDI_SCRIPT = `
(() => {
  const input = {
    id: 'fake-keys', name: 'Cadenza Test Keys', manufacturer: 'Cadenza', type: 'input',
    state: 'connected', connection: 'open', onmidimessage: null,
    addEventListener() {}, removeEventListener() {},
  };
  const access = {
    inputs: new Map([[input.id, input]]), outputs: new Map(), sysexEnabled: false, onstatechange: null,
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(Navigator.prototype, 'requestMIDIAccess', {
    configurable: true,
    value: () => Promise.resolve(access),
  });
  const send = (data) => {
    const event = { data: new Uint8Array(data), timeStamp: performance.now(), currentTarget: input, target: input };
    if (typeof input.onmidimessage === 'function') input.onmidimessage(event);
  };
  window.__fakeMidi = {
    send,
    play: (notes) => new Promise((resolve) => {
      let last = 0;
      for (const note of notes) {
        setTimeout(() => send([0x90, note.midi, 90]), note.start * 1000);
        setTimeout(() => send([0x80, note.midi, 0]), (note.start + note.duration * 0.9) * 1000);
        last = Math.max(last, (note.start + note.duration) * 1000);
      }
      setTimeout(resolve, last + 100);
    }),
  };
})();
`;

/** A note of an exercise as GET /exercises/{id} gives it. */
export interface ExerciseNote {
  readonly midi: number;
  readonly start: number;
  readonly duration: number;
}
