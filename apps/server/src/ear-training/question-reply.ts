import type { EarTrainingQuestionResponse } from '@cadenza/contracts';
import { toNumber } from '@cadenza/core';
import { writeMidi } from '@cadenza/formats';
import type { StoredQuestion } from './question-store.js';

/** A stored question as the API shows it before it is answered: no answer key, the seed only if chosen. */
export function questionResponse(id: string, stored: StoredQuestion): EarTrainingQuestionResponse {
  const { question } = stored;
  const base = `/ear-training/questions/${id}`;
  const midi = writeMidi(question.score);
  return {
    question_id: id,
    type: question.type,
    difficulty: question.difficulty,
    prompt: question.prompt,
    choices: question.choices.map((c) => ({ id: c.id, label: c.label })),
    given: [...question.given],
    tempo: question.tempo,
    lead_in_beats: toNumber(question.leadIn),
    audio_url: `${base}/audio.wav`,
    audio_urls: { wav: `${base}/audio.wav`, mp3: `${base}/audio.mp3` },
    midi_base64: Buffer.from(midi.buffer, midi.byteOffset, midi.byteLength).toString('base64'),
    seed: stored.seedShown ? question.seed : null,
  };
}
