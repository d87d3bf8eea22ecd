/**
 * The learning path's data (issue 8, spec Feature 2): a student's profile, the weekly plans made for it
 * and the items a day holds. Plain, JSON-safe data: the platform stores it as one document per student
 * and the API sends it (in snake_case) as it is. Times are epoch milliseconds or ISO dates (YYYY-MM-DD)
 * passed in by the caller; nothing here reads a clock.
 */

/** The spec's six skills, each estimated in 0–1 and practised at its own difficulty 1–10. */
export const SKILLS = [
  'pitch_accuracy',
  'rhythm_accuracy',
  'sight_reading',
  'music_theory',
  'ear_training',
  'technique',
] as const;
export type Skill = (typeof SKILLS)[number];

export type SkillMap<T> = { readonly [S in Skill]: T };

export const PRACTICE_FREQUENCIES = ['daily', '3x_week', 'weekend'] as const;
export type PracticeFrequency = (typeof PRACTICE_FREQUENCIES)[number];

/** Sessions a week for each frequency. */
export const SESSIONS_PER_WEEK: { readonly [F in PracticeFrequency]: number } = {
  daily: 7,
  '3x_week': 3,
  weekend: 2,
};

/** The five arrangement genres plus the song catalogue's folk/traditional and pop tags. */
export const LEARNING_GENRES = ['classical', 'jazz', 'blues', 'gospel', 'neosoul', 'folk', 'pop'] as const;
export type LearningGenre = (typeof LEARNING_GENRES)[number];

export const LEARNING_STYLES = ['visual', 'auditory', 'kinesthetic'] as const;
export type LearningStyle = (typeof LEARNING_STYLES)[number];

/** Shortest and longest session a profile may ask for, minutes. */
export const SESSION_MINUTES_RANGE = [10, 180] as const;

/** A student's learning profile (spec StudentProfile), kept per student. */
export interface LearnerProfile {
  /** Overall level 1–10 (spec current_level): the rounded mean of the skill levels. */
  readonly level: number;
  /** Estimated ability per skill, 0–1 (spec skills). */
  readonly skills: SkillMap<number>;
  /** The difficulty (1–10, steps of 0.5) each skill's exercises are generated at; the adaptation rule moves it. */
  readonly skillLevels: SkillMap<number>;
  readonly practiceFrequency: PracticeFrequency;
  /** Minutes per session (spec session_duration). */
  readonly sessionMinutes: number;
  readonly preferredGenres: readonly LearningGenre[];
  readonly learningStyle: LearningStyle;
  readonly shortTermGoals: readonly string[];
  readonly longTermGoals: readonly string[];
  /** Song catalogue ids (or free titles the catalogue does not hold). */
  readonly targetSongs: readonly string[];
  readonly history: PracticeHistory;
  /** Skills below 0.5, weakest first (spec identified_weaknesses); derived, kept for the API. */
  readonly identifiedWeaknesses: readonly Skill[];
  /** Theory topic ids the student has passed (prerequisites of later topics). */
  readonly theoryLearned: readonly string[];
  /** True once the placement test has set the skills. */
  readonly placed: boolean;
  /**
   * Per skill, the `at` of the result that last moved its difficulty: the adaptation rule's evidence for
   * the current difficulty starts after it (one change per evidence window). Absent: no change recorded.
   */
  readonly difficultySince?: Partial<Record<Skill, number>>;
}

export interface PracticeHistory {
  readonly totalPracticeMinutes: number;
  readonly completedExercises: number;
  /** Share of planned sessions in the last four weeks that had practice, 0–1. */
  readonly consistency: number;
}

/** What onboarding asks (everything else starts from defaults). */
export interface OnboardingAnswers {
  /** The student's own estimate, 1 (never played) – 10 (advanced). */
  readonly selfLevel: number;
  readonly practiceFrequency: PracticeFrequency;
  readonly sessionMinutes: number;
  readonly preferredGenres: readonly LearningGenre[];
  readonly learningStyle: LearningStyle;
  readonly shortTermGoals?: readonly string[];
  readonly longTermGoals?: readonly string[];
  readonly targetSongs?: readonly string[];
}

/** One graded result the adaptation learns from. */
export interface SkillResult {
  readonly skill: Skill;
  /** 0–1: the score (or accuracy) the attempt earned for this skill. */
  readonly accuracy: number;
  /** The difficulty the item was played at. */
  readonly difficulty: number;
  /** Epoch ms. */
  readonly at: number;
}

/**
 * The exercise generator's request as the API takes it (POST /exercises/generate), so a plan item can be
 * opened as it stands.
 */
export interface PlanExerciseRequest {
  readonly skill_type: 'scales' | 'arpeggios' | 'chord_progressions' | 'rhythm' | 'sight_reading';
  readonly subtype?: string;
  readonly difficulty: number;
  readonly key_signature?: string;
  readonly duration_bars?: number;
  readonly tempo?: number;
  readonly time_signature?: string;
  readonly special_focus?: string;
  readonly seed: number;
}

/** The ear-training quiz's request (POST /ear-training/questions). */
export interface PlanEarTrainingRequest {
  readonly type: 'interval_recognition' | 'chord_quality' | 'melodic_dictation' | 'rhythm_dictation';
  readonly difficulty: number;
  /** Questions in the set. */
  readonly count: number;
  /** Seed of the first question (the next ones add 1), so a plan item opens the same set every time. */
  readonly seed?: number;
}

export const PLAN_ITEM_KINDS = ['exercise', 'ear_training', 'theory', 'song', 'review'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** One thing to do in a session. Exactly one of exercise / earTraining / theoryTopic / songId is set by kind. */
export interface PlanItem {
  /** Stable within the plan: `w{week}-d{day}-{index}`. */
  readonly id: string;
  readonly kind: PlanItemKind;
  /** The skill it trains (and whose results move its difficulty). */
  readonly skill: Skill;
  readonly title: string;
  readonly minutes: number;
  /** The difficulty it is set at, 1–10. */
  readonly difficulty: number;
  readonly exercise?: PlanExerciseRequest;
  readonly earTraining?: PlanEarTrainingRequest;
  readonly theoryTopic?: string;
  readonly songId?: string;
  /** For reviews: the spaced-repetition item due. */
  readonly reviewItemId?: string;
  /** Set by a teacher's assignment. */
  readonly assignedBy?: string;
}

export interface PlanSession {
  /** Day within the week, 0–6, counted from the week's start date. */
  readonly day: number;
  readonly items: readonly PlanItem[];
  readonly minutes: number;
}

/** One week (spec LessonPlan). */
export interface WeekPlan {
  readonly weekNumber: number;
  /** ISO date the week starts on. */
  readonly startDate: string;
  /** The 2–3 skills this week works on most, weakest first. */
  readonly focusAreas: readonly Skill[];
  readonly sessions: readonly PlanSession[];
  /** Song catalogue id. */
  readonly milestoneSong: string;
  /** Theory topic ids, each with its prerequisites already learned or earlier in the plan. */
  readonly theoryTopics: readonly string[];
  /** Sum of the sessions' minutes. */
  readonly estimatedMinutes: number;
  /** Skill difficulties the week is planned at. */
  readonly skillLevels: SkillMap<number>;
  /** Why the plan looks like this, in words a student reads ("rhythm accuracy 64 % → easier rhythm this week"). */
  readonly reasons: readonly string[];
  /** The overall level the week is planned at (the rounded mean of skillLevels); the milestone sits near it. */
  readonly level?: number;
}

export interface Curriculum {
  readonly weeks: readonly WeekPlan[];
  readonly seed: number;
}

/** The spec's six THEORY_CONCEPTS. */
export const THEORY_CONCEPTS = [
  'intervals',
  'scales',
  'chords',
  'progressions',
  'rhythm',
  'harmony',
] as const;
export type TheoryConcept = (typeof THEORY_CONCEPTS)[number];

/** One node of the theory graph: a subtopic of a spec concept, taught after its prerequisites. */
export interface TheoryTopic {
  /** Stable kebab-case id ("seventh-chords"); plans and the tutor refer to it. */
  readonly id: string;
  readonly concept: TheoryConcept;
  readonly title: string;
  /** Topic ids that must be learned first. */
  readonly prerequisites: readonly string[];
  /** The level (1–10) it is usually met at. */
  readonly level: number;
}

/** A multiple-choice theory question, computed from the theory it asks about. */
export interface TheoryQuestion {
  /** `{topicId}-{seed}-{index}`. */
  readonly id: string;
  readonly topicId: string;
  readonly prompt: string;
  readonly choices: readonly { readonly id: string; readonly label: string }[];
  /** The correct choice's id. */
  readonly answer: string;
  /** Why the answer is right, in a teacher's words. */
  readonly explanation: string;
}

/** The scheduler's memory of one review item (ts-fsrs `Card` fields; dates as epoch ms). */
export interface ReviewMemory {
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsed_days: number;
  readonly scheduled_days: number;
  readonly learning_steps: number;
  readonly reps: number;
  readonly lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: number;
  readonly last_review?: number;
}

/** A spaced-repetition item (an ear-training question type or a theory topic) with its FSRS schedule. JSON-safe. */
export interface ReviewCard {
  /** e.g. "ear:interval_recognition:4" or "theory:triads". */
  readonly itemId: string;
  readonly kind: 'ear_training' | 'theory';
  readonly title: string;
  /** ear_training or music_theory. */
  readonly skill: Skill;
  /** When it is next due, epoch ms (the same as card.due). */
  readonly due: number;
  readonly card: ReviewMemory;
}

/** One item of the placement test: a short exercise, an ear-training question or a theory question. */
export interface PlacementItem {
  /** `p{index}`, stable within the test. */
  readonly id: string;
  /** The skill its accuracy places. */
  readonly skill: Skill;
  readonly title: string;
  readonly kind: 'exercise' | 'ear_training' | 'theory';
  /** 1–10. */
  readonly difficulty: number;
  readonly exercise?: PlanExerciseRequest;
  readonly earTraining?: {
    readonly type: PlanEarTrainingRequest['type'];
    readonly difficulty: number;
    readonly seed: number;
  };
  readonly theoryQuestion?: TheoryQuestion;
}

/** A short placement test (6–8 items) around the student's own estimate. */
export interface PlacementTest {
  readonly selfLevel: number;
  readonly seed: number;
  readonly items: readonly PlacementItem[];
}

/** A graded placement item: accuracy 0–1, and for played items the pitch and rhythm accuracies. */
export interface PlacementResult {
  readonly itemId: string;
  readonly accuracy: number;
  readonly pitchAccuracy?: number;
  readonly rhythmAccuracy?: number;
}
