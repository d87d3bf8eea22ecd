import { z } from 'zod';
import { ExerciseGenerateRequest } from './exercises.js';
import { EarTrainingQuestionType } from './ear-training.js';

/**
 * Learning paths (issue 8, spec Feature 2): a student's profile (GET/PUT /students/me/profile), the
 * placement test that sets its skills, the weekly curriculum, today's plan with check-offs, progress over
 * time, theory questions with spaced repetition, and a teacher's view of their linked students. Field
 * names follow the spec's StudentProfile and LessonPlan (snake_case).
 */

export const LEARNING_SKILLS = [
  'pitch_accuracy',
  'rhythm_accuracy',
  'sight_reading',
  'music_theory',
  'ear_training',
  'technique',
] as const;
export const LearningSkill = z.enum(LEARNING_SKILLS);
export type LearningSkill = z.infer<typeof LearningSkill>;

const skillMap = <T extends z.ZodTypeAny>(value: T) =>
  z.object({
    pitch_accuracy: value,
    rhythm_accuracy: value,
    sight_reading: value,
    music_theory: value,
    ear_training: value,
    technique: value,
  });
export const SkillValues = skillMap(z.number().min(0).max(1)).describe('estimated ability per skill, 0–1');
export type SkillValues = z.infer<typeof SkillValues>;
export const SkillLevels = skillMap(z.number().min(1).max(10)).describe(
  'the difficulty (1–10, steps of 0.5) each skill is practised at; the adaptation rule moves it',
);
export type SkillLevels = z.infer<typeof SkillLevels>;

export const PRACTICE_FREQUENCY_VALUES = ['daily', '3x_week', 'weekend'] as const;
export const LEARNING_GENRE_VALUES = [
  'classical',
  'jazz',
  'blues',
  'gospel',
  'neosoul',
  'folk',
  'pop',
] as const;
export const LearningGenreName = z.enum(LEARNING_GENRE_VALUES);
export const LEARNING_STYLE_VALUES = ['visual', 'auditory', 'kinesthetic'] as const;

const goals = z.array(z.string().trim().min(1).max(200)).max(10);

/** PUT /students/me/profile: onboarding answers (first time) or changed preferences (skills are kept). */
export const StudentProfileUpdate = z.object({
  self_level: z
    .number()
    .int('self_level must be a whole number')
    .min(1, 'self_level must be at least 1')
    .max(10, 'self_level must be at most 10')
    .optional()
    .describe(
      'your own estimate, 1 (never played) – 10 (advanced); sets the skills until the placement test',
    ),
  practice_frequency: z.enum(PRACTICE_FREQUENCY_VALUES).describe('daily, 3x_week or weekend'),
  session_duration: z
    .number()
    .int('session_duration must be whole minutes')
    .min(10, 'session_duration must be at least 10 minutes')
    .max(180, 'session_duration must be at most 180 minutes')
    .describe('minutes per practice session'),
  preferred_genres: z.array(LearningGenreName).max(7).default([]),
  learning_style: z.enum(LEARNING_STYLE_VALUES).default('visual'),
  short_term_goals: goals.default([]),
  long_term_goals: goals.default([]),
  target_songs: z.array(z.string().trim().min(1).max(120)).max(10).default([]).describe('song ids or titles'),
});
export type StudentProfileUpdate = z.infer<typeof StudentProfileUpdate>;

export const SkillChangeView = z.object({
  skill: LearningSkill,
  from: z.number().describe('difficulty before'),
  to: z.number().describe('difficulty after'),
  trend: z.number().nullable().describe('mean accuracy of the recent attempts the rule looked at, 0–1'),
  reason: z.string().describe('for the student, e.g. "rhythm accuracy 64 % → easier rhythm this week"'),
  at: z.string().describe('ISO time'),
});
export type SkillChangeView = z.infer<typeof SkillChangeView>;

/** The spec's StudentProfile, plus the per-skill difficulties and placement state. */
export const StudentProfileResponse = z.object({
  student_id: z.string(),
  current_level: z.number().int().min(1).max(10),
  skills: SkillValues,
  skill_levels: SkillLevels,
  practice_frequency: z.enum(PRACTICE_FREQUENCY_VALUES),
  session_duration: z.number().int(),
  preferred_genres: z.array(LearningGenreName),
  learning_style: z.enum(LEARNING_STYLE_VALUES),
  short_term_goals: z.array(z.string()),
  long_term_goals: z.array(z.string()),
  target_songs: z.array(z.string()),
  total_practice_hours: z.number(),
  completed_exercises: z.number().int(),
  practice_consistency_score: z.number().min(0).max(1),
  identified_weaknesses: z.array(LearningSkill),
  theory_learned: z.array(z.string()).describe('theory topic ids passed'),
  placed: z.boolean().describe('true once the placement test has set the skills'),
  updated_at: z.string().describe('ISO time'),
});
export type StudentProfileResponse = z.infer<typeof StudentProfileResponse>;

export const TheoryChoice = z.object({ id: z.string(), label: z.string() });

/** A multiple-choice theory question; its answer is checked by the server. */
export const TheoryQuestionView = z.object({
  question_ref: z.string().describe('send it back with the choice: identifies topic, seed and index'),
  topic_id: z.string(),
  prompt: z.string(),
  choices: z.array(TheoryChoice),
});
export type TheoryQuestionView = z.infer<typeof TheoryQuestionView>;

export const PLACEMENT_ITEM_KINDS = ['exercise', 'ear_training', 'theory'] as const;

/** One item of the placement test, ready to take: an exercise to play, a question to hear, a question to read. */
export const PlacementItem = z.object({
  item_id: z.string(),
  skill: LearningSkill,
  kind: z.enum(PLACEMENT_ITEM_KINDS),
  title: z.string(),
  difficulty: z.number(),
  exercise_id: z
    .string()
    .optional()
    .describe('exercise items: GET /exercises/{id} shows it; play it and send the notes with the answers'),
  question_id: z
    .string()
    .optional()
    .describe('ear-training items: GET /ear-training/questions/{id} and its audio; answer with a choice id'),
  ear_training: z
    .object({
      type: EarTrainingQuestionType,
      prompt: z.string(),
      choices: z.array(TheoryChoice),
      audio_url: z.string(),
    })
    .optional(),
  theory_question: TheoryQuestionView.optional(),
});
export type PlacementItem = z.infer<typeof PlacementItem>;

export const PlacementTestResponse = z.object({
  test_id: z.string(),
  items: z.array(PlacementItem),
});
export type PlacementTestResponse = z.infer<typeof PlacementTestResponse>;

/** A played note of an exercise item, as POST /practice/attempts takes them (seconds from the first note). */
export const PlacementPlayedNote = z.object({
  midi: z.number().int().min(0).max(127),
  start: z.number().min(0),
  duration: z.number().min(0),
  velocity: z.number().int().min(0).max(127).optional(),
});

export const PlacementAnswer = z.object({
  item_id: z.string().max(40),
  choice: z.string().max(40).optional().describe('ear-training and theory items: the chosen id'),
  notes: z.array(PlacementPlayedNote).max(2000).optional().describe('exercise items: what was played'),
  attempt_id: z.string().max(40).optional().describe('exercise items graded by POST /practice/attempts'),
});

/** POST /students/me/placement: the answers (an item left out is skipped and keeps the self estimate). */
export const PlacementSubmission = z.object({
  test_id: z.string().max(40),
  answers: z.array(PlacementAnswer).max(20),
});
export type PlacementSubmission = z.infer<typeof PlacementSubmission>;

export const PlacementResponse = z.object({
  profile: StudentProfileResponse,
  results: z.array(
    z.object({
      item_id: z.string(),
      skill: LearningSkill,
      accuracy: z.number().nullable().describe('0–1; null when skipped'),
      correct_choice: z.string().optional().describe('ear-training and theory items: the right answer'),
    }),
  ),
  changes: z.array(SkillChangeView),
});
export type PlacementResponse = z.infer<typeof PlacementResponse>;

export const PLAN_ITEM_KIND_VALUES = ['exercise', 'ear_training', 'theory', 'song', 'review'] as const;

export const PlanItemView = z.object({
  item_id: z.string(),
  kind: z.enum(PLAN_ITEM_KIND_VALUES),
  skill: LearningSkill,
  title: z.string(),
  minutes: z.number().int(),
  difficulty: z.number(),
  exercise: ExerciseGenerateRequest.partial()
    .extend({ skill_type: z.string(), difficulty: z.number().int(), seed: z.number().int() })
    .optional()
    .describe('exercise items: POST it to /exercises/generate as it is'),
  ear_training: z
    .object({ type: EarTrainingQuestionType, difficulty: z.number().int(), count: z.number().int() })
    .optional(),
  theory_topic: z.object({ id: z.string(), title: z.string() }).optional(),
  song: z.object({ id: z.string(), title: z.string() }).optional(),
  review_item_id: z.string().optional(),
  assigned_by: z.string().optional().describe('the teacher who assigned it'),
  done: z.boolean(),
});
export type PlanItemView = z.infer<typeof PlanItemView>;

export const PlanSessionView = z.object({
  day: z.number().int().min(0).max(6).describe('day of the week, counted from the week’s start date'),
  date: z.string().describe('ISO date'),
  minutes: z.number().int(),
  items: z.array(PlanItemView),
});
export type PlanSessionView = z.infer<typeof PlanSessionView>;

/** The spec's LessonPlan. */
export const WeekPlanView = z.object({
  week_number: z.number().int(),
  start_date: z.string(),
  focus_areas: z.array(LearningSkill),
  sessions: z.array(PlanSessionView),
  milestone_song: z.object({ id: z.string(), title: z.string() }).nullable(),
  theory_topics: z.array(z.object({ id: z.string(), title: z.string() })),
  estimated_duration: z.number().int().describe('minutes in the week'),
  skill_levels: SkillLevels,
  reasons: z.array(z.string()),
});
export type WeekPlanView = z.infer<typeof WeekPlanView>;

export const CurriculumQuery = z.object({
  weeks: z.coerce
    .number()
    .int('weeks must be a whole number')
    .min(1, 'weeks must be at least 1')
    .max(12, 'weeks must be at most 12')
    .default(4),
});

export const CurriculumResponse = z.object({
  start_date: z.string(),
  seed: z.number().int(),
  weeks: z.array(WeekPlanView),
  edited_by: z.string().nullable().describe('the teacher who last edited it, if any'),
});
export type CurriculumResponse = z.infer<typeof CurriculumResponse>;

export const ReviewView = z.object({
  review_item_id: z.string(),
  kind: z.enum(['ear_training', 'theory']),
  title: z.string(),
  due: z.string().describe('ISO time'),
});

export const StreakView = z.object({
  current: z.number().int().describe('days in a row with practice, up to today'),
  best: z.number().int(),
  practised_today: z.boolean(),
});

export const TodayResponse = z.object({
  date: z.string(),
  week_number: z.number().int().nullable(),
  focus_areas: z.array(LearningSkill),
  session: PlanSessionView.nullable().describe('null on a rest day or when there is no plan yet'),
  due_reviews: z.array(ReviewView),
  next_session_date: z.string().nullable(),
  week_ahead: z.array(PlanSessionView).describe("the rest of this week's sessions"),
  streak: StreakView,
  reasons: z.array(z.string()).describe('why the plan looks like this (the latest adaptation first)'),
  has_plan: z.boolean(),
});
export type TodayResponse = z.infer<typeof TodayResponse>;

export const ProgressPoint = z.object({
  at: z.string().describe('ISO time'),
  skills: SkillValues,
  skill_levels: SkillLevels,
});

export const ProgressResponse = z.object({
  current_level: z.number().int(),
  skills: SkillValues,
  skill_levels: SkillLevels,
  history: z
    .array(ProgressPoint)
    .describe('oldest first: after onboarding, placement and every graded result'),
  changes: z.array(SkillChangeView).describe('newest first'),
  attempts: z.object({
    total: z.number().int(),
    by_skill_type: z.record(z.string(), z.number().int()),
    average_score: z.number().nullable().describe('0–100 over the last 20 graded attempts'),
  }),
  practice_minutes_by_week: z.array(z.object({ week_start: z.string(), minutes: z.number() })),
  streak: StreakView,
});
export type ProgressResponse = z.infer<typeof ProgressResponse>;

export const TheoryAnswerRequest = z.object({
  question_ref: z.string().max(120),
  choice: z.string().max(40),
  plan_item_id: z.string().max(40).optional(),
});
export const TheoryAnswerResponse = z.object({
  correct: z.boolean(),
  answer: z.string().describe('the right choice id'),
  explanation: z.string(),
  next_review: z.string().nullable().describe('ISO time the topic comes back for review (signed in)'),
});

export const TheoryTopicView = z.object({
  id: z.string(),
  concept: z.string(),
  title: z.string(),
  prerequisites: z.array(z.string()),
  level: z.number().int(),
});
export const TheoryTopicList = z.object({ topics: z.array(TheoryTopicView) });

/** POST /teachers/me/students/{id}/assignments: an exercise or a song, added to the student's plan. */
export const AssignmentRequest = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    exercise: ExerciseGenerateRequest.optional(),
    song_id: z.string().max(80).optional(),
    minutes: z.number().int().min(2).max(120).default(10),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
      .optional()
      .describe('the day it appears in the plan (default: the student’s next session)'),
  })
  .refine((a) => (a.exercise === undefined) !== (a.song_id === undefined), {
    message: 'give either exercise or song_id',
    path: ['exercise'],
  });
export type AssignmentRequest = z.infer<typeof AssignmentRequest>;

export const AssignmentResponse = z.object({
  item_id: z.string(),
  date: z.string(),
  title: z.string(),
});

/** PUT /teachers/me/students/{id}/curriculum: the weeks as GET gave them, edited (items moved, removed, added). */
export const CurriculumEdit = z.object({
  weeks: z.array(WeekPlanView).min(1).max(12),
});
export type CurriculumEdit = z.infer<typeof CurriculumEdit>;

/** GET /students/me/today?date=: the day to show (tests and "what's on Friday"). */
export const TodayQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
    .optional()
    .describe('the day to show (default today, UTC); when a new week of the plan has begun it is re-planned'),
});

export const PlanItemParams = z.object({ itemId: z.string().min(1).max(40) });

/** POST /students/me/today/items/{itemId}/done. */
export const CheckOffResponse = z.object({ item_id: z.string(), done: z.literal(true) });
export type CheckOffResponse = z.infer<typeof CheckOffResponse>;

export const TheoryTopicParams = z.object({ id: z.string().min(1).max(60) });

/** GET /theory/topics/{id}/questions?seed=&count=. */
export const TheoryQuestionsQuery = z.object({
  seed: z.coerce
    .number()
    .int('seed must be a whole number')
    .min(0, 'seed must be at least 0')
    .max(2 ** 31 - 1, 'seed must be below 2^31')
    .optional()
    .describe('the same seed asks the same questions (default: new ones each time)'),
  count: z.coerce
    .number()
    .int('count must be a whole number')
    .min(1, 'count must be at least 1')
    .max(50, 'count must be at most 50')
    .default(5),
});
export const TheoryQuestionList = z.object({ questions: z.array(TheoryQuestionView) });
export type TheoryAnswerResponse = z.infer<typeof TheoryAnswerResponse>;
