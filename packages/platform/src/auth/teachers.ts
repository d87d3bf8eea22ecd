import type { Repositories } from '../db/repositories/index.js';
import type { User } from '../db/repositories/users.js';
import { AuthError } from './auth-error.js';
import { normalizeEmail } from './email.js';

/**
 * Teacher–student links with their rules: only a teacher links, only a student account can be linked, and
 * a teacher sees a student only while linked. The API answers a non-linked student with 404, like items.
 */
export interface Teaching {
  /** Links the student with this email to the teacher. Throws AuthError forbidden | student_not_found. */
  linkStudent(teacherId: string, studentEmail: string): Promise<User>;
  /** Throws AuthError('forbidden') for a non-teacher; false when there was no link. */
  unlinkStudent(teacherId: string, studentId: string): Promise<boolean>;
  /** The teacher's linked students. Throws AuthError('forbidden') for a non-teacher. */
  listStudents(teacherId: string): Promise<User[]>;
  /** The student, only if linked to this teacher; otherwise undefined (also for non-teachers). */
  getStudent(teacherId: string, studentId: string): Promise<User | undefined>;
}

export function createTeaching(repositories: Pick<Repositories, 'users' | 'teacherLinks'>): Teaching {
  const { users, teacherLinks } = repositories;
  const requireTeacher = async (teacherId: string): Promise<User> => {
    const teacher = await users.findById(teacherId);
    if (teacher?.role !== 'teacher')
      throw new AuthError('forbidden', 'only a teacher account can link students');
    return teacher;
  };
  return {
    async linkStudent(teacherId, studentEmail) {
      await requireTeacher(teacherId);
      const student = await users.findByEmail(normalizeEmail(studentEmail));
      if (student?.role !== 'student') {
        throw new AuthError('student_not_found', `there is no student account for ${studentEmail.trim()}`);
      }
      await teacherLinks.link(teacherId, student.id);
      return student;
    },
    async unlinkStudent(teacherId, studentId) {
      await requireTeacher(teacherId);
      return teacherLinks.unlink(teacherId, studentId);
    },
    async listStudents(teacherId) {
      await requireTeacher(teacherId);
      const students = await teacherLinks.studentsOf(teacherId);
      return students.map(({ id, email, displayName, role, createdAt }) => ({
        id,
        email,
        displayName,
        role,
        createdAt,
      }));
    },
    async getStudent(teacherId, studentId) {
      if (!(await teacherLinks.isLinked(teacherId, studentId))) return undefined;
      return users.findById(studentId);
    },
  };
}
