import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.js';
import { useProfile, useProgress, useToday } from '../../api/learning.js';
import { AccountGate } from '../../components/account-gate.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { SignedOutPanel } from '../../components/signed-out-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';
import './learn.css';
import { OnboardingFormView } from './onboarding-form.js';
import { PlacementTest } from './placement-test.js';
import { TeacherStudents } from './teacher-students.js';
import { TodayView } from './today-view.js';
import { YourTeachers } from './your-teachers.js';

/** A placed student's page: today's plan, loaded with their progress. */
function PlacedStudent({
  date,
  onEditPreferences,
  profile,
}: {
  readonly date: string | undefined;
  readonly onEditPreferences: () => void;
  readonly profile: Parameters<typeof TodayView>[0]['profile'];
}) {
  const today = useToday(date, true);
  const progress = useProgress(true);
  if (today.isPending) return <p className="muted">Loading today’s plan…</p>;
  if (today.isError) {
    return (
      <ErrorPanel
        title="Could not load today’s plan."
        error={today.error}
        onRetry={() => void today.refetch()}
      />
    );
  }
  return (
    <>
      <YourTeachers />
      <TodayView
        profile={profile}
        today={today.data}
        progress={progress.data}
        onEditPreferences={onEditPreferences}
      />
      {progress.isError && <ErrorPanel title="Could not load your progress." error={progress.error} />}
    </>
  );
}

/** A signed-in student: onboarding, then the placement test, then today's plan (or their preferences). */
function StudentLearn({ date }: { readonly date: string | undefined }) {
  const profile = useProfile(true);
  const [editing, setEditing] = useState(false);
  if (profile.isPending) return <p className="muted">Loading your profile…</p>;
  if (profile.isError) {
    return (
      <ErrorPanel
        title="Your learning profile could not be loaded."
        error={profile.error}
        onRetry={() => void profile.refetch()}
      />
    );
  }
  if (!profile.data) return <OnboardingFormView />;
  if (editing) {
    return (
      <OnboardingFormView
        profile={profile.data}
        onSaved={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    );
  }
  if (!profile.data.placed) return <PlacementTest profile={profile.data} />;
  return <PlacedStudent date={date} profile={profile.data} onEditPreferences={() => setEditing(true)} />;
}

/**
 * Learn: a plan that fits the student's level, goals, genres and minutes and adapts to their results.
 * Signed out it says what it is; a teacher sees their students. `?date=YYYY-MM-DD` shows another day's
 * plan (for trying the plan ahead).
 */
export function LearnPage() {
  usePageTitle('Learn');
  const me = useMe();
  const [params] = useSearchParams();
  const date = params.get('date') ?? undefined;

  const body = (
    <AccountGate
      me={me}
      signedOut={
        <SignedOutPanel goal="get your plan">
          <p>
            Learn builds you a practice plan: a few items a day that fit your level, your goals, the genres
            you like and the minutes you have. A short placement test sets where you start; every graded
            attempt moves the difficulty up or down, and reviews come back just before you would forget them.
          </p>
        </SignedOutPanel>
      }
    >
      {(user) => (user.role === 'teacher' ? <TeacherStudents /> : <StudentLearn date={date} />)}
    </AccountGate>
  );

  return (
    <>
      <h1>Learn</h1>
      <p className="lead">
        {me.data?.role === 'teacher'
          ? 'Your students’ plans and progress; assign them an exercise or a song.'
          : 'Today’s practice, planned for you and adjusted as you play.'}
      </p>
      {body}
    </>
  );
}
