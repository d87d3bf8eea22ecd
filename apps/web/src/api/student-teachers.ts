// Types only: importing values from contracts would bundle zod into the studio.
import type { LinkedTeacher, TeacherList } from '@cadenza/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson } from './http.js';
import { LEARN_KEY } from './learning.js';

export type { LinkedTeacher, TeacherList };

/** Under the Learn key: accepting a teacher changes what the plan says about who edited it. */
export const STUDENT_TEACHERS_KEY = [...LEARN_KEY, 'teachers'] as const;

/** GET /students/me/teachers: the teachers this student accepted and the invitations waiting. */
export const fetchStudentTeachers = () => requestJson<TeacherList>('/students/me/teachers');

export function useStudentTeachers(enabled: boolean) {
  return useQuery({ queryKey: STUDENT_TEACHERS_KEY, queryFn: fetchStudentTeachers, enabled, retry: false });
}

/**
 * Answers a teacher: accept (POST …/accept) lets them see progress and plan; decline or end (DELETE) takes
 * that back. Either way the Learn data is asked for again.
 */
export function useAnswerTeacher() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ teacherId, accept }: { readonly teacherId: string; readonly accept: boolean }) =>
      requestJson<undefined>(
        `/students/me/teachers/${encodeURIComponent(teacherId)}${accept ? '/accept' : ''}`,
        { method: accept ? 'POST' : 'DELETE' },
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: LEARN_KEY }),
  });
}
