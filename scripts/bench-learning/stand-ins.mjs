// STAND-IN (temporary, remove once @cadenza/pedagogy exports generateCurriculum): a minimal weekly planner
// with the real one's signature, so the harness can run before the learning core lands. The benchmark
// says in its output when this stand-in was used; a recorded run must not use it.
const SESSIONS = { daily: 7, '3x_week': 3, weekend: 2 };

export function standInGenerateCurriculum(profile, { startDate, seed }) {
  const skills = Object.keys(profile.skillLevels).sort((a, b) => profile.skills[a] - profile.skills[b]);
  const sessions = [];
  const count = SESSIONS[profile.practiceFrequency];
  for (let k = 0; k < count; k++) {
    const pick = [skills[0], skills[1], skills[2 + (k % (skills.length - 2))]];
    const each = profile.sessionMinutes / pick.length;
    const items = pick.map((skill, i) => ({
      id: `w1-d${k}-${i}`,
      kind: 'exercise',
      skill,
      title: skill,
      minutes: each,
      difficulty: profile.skillLevels[skill],
    }));
    sessions.push({ day: k, items, minutes: profile.sessionMinutes });
  }
  return {
    seed,
    weeks: [
      {
        weekNumber: 1,
        startDate,
        focusAreas: skills.slice(0, 2),
        sessions,
        milestoneSong: '',
        theoryTopics: [],
        estimatedMinutes: count * profile.sessionMinutes,
        skillLevels: { ...profile.skillLevels },
        reasons: [],
      },
    ],
  };
}
