import { useMemo, useState } from 'react';
import type { ExerciseResponse } from '../../api/exercises.js';
import { Player } from '../../components/player/player.js';
import { ScoreView, type RenderedScore, type ScoreNoteMark } from '../../components/score-view/score-view.js';
import { FingeringList } from './fingering-list.js';
import { barsLength, parseMeter, shiftTimemap } from './practice-timing.js';

/** "1 min 05 s" or "42 s". */
function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * One exercise: what it is, its tips, the engraved score (coloured note by note once an attempt is
 * graded), the player (the cursor waits for the audio's count-in) and the fingering.
 */
export function ExerciseView({
  exercise,
  noteMarks,
  onRendered,
}: {
  readonly exercise: ExerciseResponse;
  readonly noteMarks: ReadonlyMap<string, ScoreNoteMark> | undefined;
  readonly onRendered: (score: RenderedScore) => void;
}) {
  const [rendered, setRendered] = useState<RenderedScore | null>(null);
  const countInMs = barsLength(parseMeter(exercise.time_signature), exercise.tempo, exercise.count_in_bars);
  const timemap = useMemo(
    () => (rendered ? shiftTimemap(rendered.timemap, countInMs) : undefined),
    [rendered, countInMs],
  );
  const facts: [string, string][] = [
    ['Key', exercise.key],
    ['Meter', exercise.time_signature],
    ['Tempo', `${Math.round(exercise.tempo)} bpm`],
    ['Bars', String(exercise.bars)],
    ['Difficulty', `${exercise.difficulty} / 10`],
    ['Length', duration(exercise.estimated_duration)],
  ];
  return (
    <section className="panel practice-exercise" aria-labelledby="exercise-heading">
      <h2 id="exercise-heading">{exercise.title}</h2>
      <p>{exercise.description}</p>
      <dl className="practice-facts" aria-label="About this exercise">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {exercise.practice_tips.length > 0 && (
        <details className="practice-tips" open>
          <summary>Practice tips</summary>
          <ul>
            {exercise.practice_tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </details>
      )}
      <ScoreView
        musicXml={exercise.musicxml}
        label={`Score of ${exercise.title}`}
        noteMarks={noteMarks}
        onRendered={(score) => {
          setRendered(score);
          onRendered(score);
        }}
      />
      {rendered && timemap && (
        <Player
          audioUrl={exercise.audio_url}
          timemap={timemap}
          svgContainer={rendered.svgContainer}
          onNoteOn={rendered.showElement}
          label={`Play ${exercise.title}`}
        />
      )}
      <p className="muted practice-audio-note">
        {exercise.count_in_bars > 0
          ? `The audio starts with ${exercise.count_in_bars === 1 ? 'a bar' : `${exercise.count_in_bars} bars`} of count-in clicks.`
          : 'The audio starts on the first note (no count-in).'}
      </p>
      {exercise.fingering && exercise.fingering.length > 0 && (
        <FingeringList fingering={exercise.fingering} />
      )}
      <p className="practice-downloads">
        Download:{' '}
        {exercise.sheet_music_url && (
          <>
            <a href={exercise.sheet_music_url}>PDF</a> ·{' '}
          </>
        )}
        <a href={exercise.midi_url}>MIDI</a> · <a href={exercise.musicxml_url}>MusicXML</a> ·{' '}
        <a href={exercise.audio_url}>Audio (WAV)</a>
      </p>
    </section>
  );
}
