/**
 * The quiz's keyboard: 1–9 pick an answer choice, Space plays the question again, Enter goes on to the
 * next question. Pure: the page says what has focus and where the quiz stands, this says what to do.
 */
export type QuizKeyAction =
  | { readonly kind: 'choose'; readonly index: number }
  | { readonly kind: 'replay' }
  | { readonly kind: 'next' };

/** What has keyboard focus: a text field or list box keeps its keys, a button or link its Enter. */
export type KeyTarget = 'text' | 'button' | 'link' | 'other';

export interface QuizKeyContext {
  readonly key: string;
  /** Ctrl, Alt or Meta held: the browser's shortcut, not ours. */
  readonly modifier: boolean;
  readonly target: KeyTarget;
  readonly hasQuestion: boolean;
  readonly answered: boolean;
  /** Answer choices shown (0 for dictation). */
  readonly choices: number;
}

export function quizKeyAction(context: QuizKeyContext): QuizKeyAction | undefined {
  const { key, modifier, target, hasQuestion, answered, choices } = context;
  if (modifier || target === 'text') return undefined;
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return hasQuestion && !answered && index < choices ? { kind: 'choose', index } : undefined;
  }
  if (key === ' ') return hasQuestion && target !== 'link' ? { kind: 'replay' } : undefined;
  if (key === 'Enter') {
    // A focused button or link does its own thing on Enter.
    if (target === 'button' || target === 'link') return undefined;
    return !hasQuestion || answered ? { kind: 'next' } : undefined;
  }
  return undefined;
}
