// bench:grading simulated attempts: an exercise's expected notes played back with the player's own tempo
// (±10 %) drifting by up to ±5 % over the take, a start offset, Gaussian onset jitter σ, and injected mistakes at known places — wrong pitches,
// missed notes, extra notes and notes 150 ms late — kept at least two notes apart so each has a clear truth.

/** Gaussian sample (Box–Muller) from a core Rng. */
export function gaussian(rng) {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export const LATE_SECONDS = 0.15;
const ROOM = 0.25;

/**
 * A take: {played: [{onset, offset, midi, velocity}], truth: per expected note 'ok'|'wrong-pitch'|'missed'|
 * 'late', extras: [{onset, midi}], stretch, start}. `rate` is the chance that an event (a chord counts as
 * one) carries a mistake; mistakes are split evenly over the four kinds where the
 * next note is at least 250 ms away, and over wrong pitches and missed notes in faster runs.
 */
export function simulateTake(expected, rng, { sigma, stretch, rate = 0.2 }) {
  const start = 0.3 + 2.2 * rng.next();
  const onsets = [...new Set(expected.map((e) => e.onset))].sort((a, b) => a - b);
  const eventOf = (e) => onsets.indexOf(e.onset);
  // Which events carry a mistake, at least two events apart, never the first or last.
  const mistakeAt = new Map();
  let lastMistake = -10;
  for (let k = 1; k < onsets.length - 1; k++) {
    if (k - lastMistake < 3 || !rng.chance(rate)) continue;
    // A late or an extra note needs room before the next note (250 ms at the played tempo) to be heard as
    // such; in faster runs those two are not injected (a note 150 ms late would land after its successor).
    const roomy = stretch * ((onsets[k + 1] ?? Infinity) - (onsets[k] ?? 0)) >= ROOM;
    mistakeAt.set(
      k,
      rng.pick(roomy ? ['wrong-pitch', 'missed', 'extra', 'late'] : ['wrong-pitch', 'missed']),
    );
    lastMistake = k;
  }
  const truth = expected.map(() => 'ok');
  const played = [];
  const extras = [];
  // Gradual drift: the local tempo moves linearly by up to ±5 % from start to end (rushing or dragging).
  const drift = 0.1 * rng.next() - 0.05;
  const total = Math.max(onsets[onsets.length - 1] ?? 1, 1e-3);
  const time = (t) => start + stretch * (t + (drift * t * t) / (2 * total));
  expected.forEach((e, i) => {
    const k = eventOf(e);
    const kind = mistakeAt.get(k);
    // In a chord only its first tone takes the event's mistake.
    const first = expected.findIndex((x) => x.onset === e.onset) === i;
    const mine = first ? kind : undefined;
    const next = onsets[k + 1];
    let onset = time(e.onset) + (sigma / 1000) * gaussian(rng);
    let offset = onset + stretch * e.duration * 0.92;
    if (mine === 'missed') {
      truth[i] = 'missed';
      return;
    }
    let midi = e.midi;
    if (mine === 'wrong-pitch') {
      truth[i] = 'wrong-pitch';
      midi = e.midi + rng.pick([-2, -1, 1, 2]);
    }
    if (mine === 'late') {
      truth[i] = 'late';
      onset += LATE_SECONDS;
      offset += LATE_SECONDS;
    }
    if (mine === 'extra' && next !== undefined) {
      // A stray note between this note and the next; the note before it is cut short to let it sound.
      const gap = stretch * (next - e.onset);
      const at = time(e.onset) + gap * (0.4 + 0.2 * rng.next());
      const extra = {
        onset: at,
        offset: at + 0.3 * gap,
        midi: e.midi + rng.pick([-5, -3, -1, 1, 3, 5]),
        velocity: 72,
      };
      offset = Math.min(offset, at - 0.01);
      extras.push(extra);
      played.push(extra);
    }
    if (next !== undefined) offset = Math.min(offset, time(next) - 0.02);
    played.push({
      onset,
      offset: Math.max(offset, onset + 0.05),
      midi,
      velocity: 64 + Math.round(16 * rng.next()),
    });
  });
  played.sort((a, b) => a.onset - b.onset);
  // The mean stretch over the take, what a straight-line tempo fit should find.
  return { played, truth, extras, stretch: stretch * (1 + drift / 2), start };
}

/** The take as a format-1 MIDI file (♩ = 120, 960 ticks per quarter: 1920 ticks a second) for the synthesiser. */
export function takeMidiFile(played, program = 0) {
  const tick = (s) => Math.max(0, Math.round(s * 1920));
  const events = [
    { type: 'programChange', tick: 0, channel: 0, program },
    ...played.flatMap((n) => [
      { type: 'noteOn', tick: tick(n.onset), channel: 0, key: n.midi, velocity: n.velocity },
      { type: 'noteOff', tick: tick(n.offset), channel: 0, key: n.midi, velocity: 0 },
    ]),
  ].sort((a, b) => a.tick - b.tick || (a.type === 'noteOff' ? -1 : 1) - (b.type === 'noteOff' ? -1 : 1));
  const end = events.reduce((m, e) => Math.max(m, e.tick), 0);
  return {
    format: 1,
    ticksPerQuarter: 960,
    tracks: [
      [
        { type: 'setTempo', tick: 0, microsecondsPerQuarter: 500_000 },
        { type: 'endOfTrack', tick: 0 },
      ],
      [...events, { type: 'endOfTrack', tick: end }],
    ],
  };
}
