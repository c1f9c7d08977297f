import type { IsoDate } from '../db/tables.js';
import { RuleViolationError } from '../errors.js';

// Pure training rules: who lacks which course, and when a course counts as completed.

interface Named {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
}

export interface CourseCompletionKey {
  readonly courseId: string;
  readonly householdMemberId: string;
}

/** Each adult paired with each of `courses` the adult has not completed, adults in the given order. */
export function missingCourses<Adult extends { readonly id: string }, Course extends { readonly id: string }>(
  adults: readonly Adult[],
  courses: readonly Course[],
  completions: readonly CourseCompletionKey[],
): Array<{ adult: Adult; course: Course }> {
  const completed = new Set(completions.map((c) => `${c.courseId}:${c.householdMemberId}`));
  return adults.flatMap((adult) => courses.filter((course) => !completed.has(`${course.id}:${adult.id}`)).map((course) => ({ adult, course })));
}

/** "Karin Berg saknar Ett hem att växa i. Per Berg saknar Ett hem att växa i och Traumamedveten omsorg." */
export function describeMissingTraining(missing: ReadonlyArray<{ adult: Named; course: { readonly name: string } }>): string {
  const byAdult = new Map<string, { name: string; courses: string[] }>();
  for (const { adult, course } of missing) {
    const entry = byAdult.get(adult.id) ?? { name: `${adult.givenName} ${adult.familyName}`, courses: [] };
    entry.courses.push(course.name);
    byAdult.set(adult.id, entry);
  }
  return [...byAdult.values()].map(({ name, courses }) => `${name} saknar ${swedishList(courses)}.`).join(' ');
}

function swedishList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

/** The day a course counts as completed may not come before the sessions it rests on. */
export function assertCompletionAllowed(
  course: { readonly name: string; readonly sessionsRequired: number },
  adult: Omit<Named, 'id'>,
  attendedOn: readonly IsoDate[],
  completedOn: IsoDate,
): void {
  const attendedBy = attendedOn.filter((day) => day <= completedOn).length;
  if (attendedBy < course.sessionsRequired) {
    throw new RuleViolationError(
      'TRAINING_SESSIONS_MISSING',
      `${adult.givenName} ${adult.familyName} har deltagit i ${attendedBy} av de ${course.sessionsRequired} träffar som ${course.name} kräver${
        attendedBy < attendedOn.length ? ` fram till ${completedOn}` : ''
      }; registrera närvaron först.`,
    );
  }
}
