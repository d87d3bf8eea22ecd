import type { Repositories } from '../db/repositories/index.js';
import type { LinkedUser } from '../db/repositories/teacher-links.js';
import type { User } from '../db/repositories/users.js';
import type { EpochMs } from '../db/schema.js';
import { AuthError } from './auth-error.js';
import { normalizeEmail } from './email.js';

/** A link's state: a pending invitation grants the teacher nothing; an accepted one lets them read. */
export type LinkStatus = 'pending' | 'accepted';

/** The other side of a teacher–student link, with its state. */
export interface TeachingLink {
  /** The student (in a teacher's list) or the teacher (in a student's list). */
  readonly user: User;
  readonly status: LinkStatus;
  /** When the teacher invited, epoch ms. */
  readonly invitedAt: EpochMs;
  /** When the student accepted, epoch ms; absent while pending. */
  readonly acceptedAt?: EpochMs;
}

/**
 * Teacher–student links with their rules: only a teacher invites, only a student account can be invited,
 * and only the student accepts. A teacher sees a student only through an accepted link; the API answers a
 * student who has not accepted (or was never invited) with 404, like items.
 */
export interface Teaching {
  /**
   * Invites the student with this email: a pending link, idempotent (an accepted link stays accepted).
   * Throws AuthError forbidden | student_not_found.
   */
  linkStudent(teacherId: string, studentEmail: string): Promise<TeachingLink>;
  /** Removes the link, pending or accepted. Throws AuthError('forbidden') for a non-teacher; false: no link. */
  unlinkStudent(teacherId: string, studentId: string): Promise<boolean>;
  /** The teacher's students who accepted. Throws AuthError('forbidden') for a non-teacher. */
  listStudents(teacherId: string): Promise<User[]>;
  /** Every link of the teacher, pending and accepted, by display name. Throws forbidden for a non-teacher. */
  listStudentLinks(teacherId: string): Promise<TeachingLink[]>;
  /** The student, only if they accepted this teacher; otherwise undefined (also for non-teachers). */
  getStudent(teacherId: string, studentId: string): Promise<User | undefined>;
  /** True only when the student accepted this teacher. */
  isLinked(teacherId: string, studentId: string): Promise<boolean>;
  /** The teachers this student accepted. */
  listTeachers(studentId: string): Promise<TeachingLink[]>;
  /** The student's pending invitations, with each teacher's display name and email. */
  listInvitations(studentId: string): Promise<TeachingLink[]>;
  /** The student accepts a teacher's invitation (idempotent once accepted); false: no such invitation. */
  acceptInvitation(studentId: string, teacherId: string): Promise<boolean>;
  /** The student declines an invitation or ends an accepted link; false: there was no link. */
  declineInvitation(studentId: string, teacherId: string): Promise<boolean>;
}

const asUser = ({ id, email, displayName, role, createdAt }: User): User => ({
  id,
  email,
  displayName,
  role,
  createdAt,
});

const toLink = (row: LinkedUser): TeachingLink => ({
  user: asUser(row),
  status: row.acceptedAt === null ? 'pending' : 'accepted',
  invitedAt: row.linkedAt,
  ...(row.acceptedAt === null ? {} : { acceptedAt: row.acceptedAt }),
});

export function createTeaching(repositories: Pick<Repositories, 'users' | 'teacherLinks'>): Teaching {
  const { users, teacherLinks } = repositories;
  const requireTeacher = async (teacherId: string): Promise<User> => {
    const teacher = await users.findById(teacherId);
    if (teacher?.role !== 'teacher')
      throw new AuthError('forbidden', 'only a teacher account can link students');
    return teacher;
  };
  const studentLinks = async (teacherId: string) => {
    await requireTeacher(teacherId);
    return (await teacherLinks.studentsOf(teacherId)).map(toLink);
  };
  const teacherLinksOf = async (studentId: string) => (await teacherLinks.teachersOf(studentId)).map(toLink);
  const teaching: Teaching = {
    async linkStudent(teacherId, studentEmail) {
      await requireTeacher(teacherId);
      const student = await users.findByEmail(normalizeEmail(studentEmail));
      if (student?.role !== 'student') {
        throw new AuthError('student_not_found', `there is no student account for ${studentEmail.trim()}`);
      }
      await teacherLinks.link(teacherId, student.id);
      const links = await studentLinks(teacherId);
      const link = links.find((l) => l.user.id === student.id);
      // Only an unlink racing between the two statements gets here.
      if (!link)
        throw new AuthError('student_not_found', `the link to ${studentEmail.trim()} was just removed`);
      return link;
    },
    async unlinkStudent(teacherId, studentId) {
      await requireTeacher(teacherId);
      return teacherLinks.unlink(teacherId, studentId);
    },
    async listStudents(teacherId) {
      const links = await studentLinks(teacherId);
      return links.filter((l) => l.status === 'accepted').map((l) => l.user);
    },
    listStudentLinks: studentLinks,
    async getStudent(teacherId, studentId) {
      if (!(await teacherLinks.isLinked(teacherId, studentId))) return undefined;
      return users.findById(studentId);
    },
    isLinked: (teacherId, studentId) => teacherLinks.isLinked(teacherId, studentId),
    async listTeachers(studentId) {
      return (await teacherLinksOf(studentId)).filter((l) => l.status === 'accepted');
    },
    async listInvitations(studentId) {
      return (await teacherLinksOf(studentId)).filter((l) => l.status === 'pending');
    },
    acceptInvitation: (studentId, teacherId) => teacherLinks.accept(teacherId, studentId),
    declineInvitation: (studentId, teacherId) => teacherLinks.unlink(teacherId, studentId),
  };
  return teaching;
}
