import { operation } from '../../api/graphql';
import { resultMutation } from '../../api/operations';
import type { MissingTraining, TrainingCourse } from '../../api/types';

const ADULT = /* GraphQL */ `
  id
  givenName
  familyName
  fosterHome {
    id
    name
    status
  }
`;

/** Courses with sessions and participants, and who lacks which training; reading the adults is audited. */
export const TrainingQuery = operation<{ trainingCourses: TrainingCourse[]; missingTraining: MissingTraining[] }>(/* GraphQL */ `
  query Training {
    trainingCourses {
      id
      name
      description
      requiredForApproval
      offeredToApprovedHomes
      sessionsRequired
      sessions {
        id
        heldOn
        location
        leader
      }
      participants {
        adult {
          ${ADULT}
        }
        attendedSessionIds
        sessionsAttended
        completedOn
      }
    }
    missingTraining {
      adult {
        ${ADULT}
      }
      course {
        id
        name
      }
      reason
      sessionsAttended
    }
  }
`);

/** The page reloads the whole training view after a change, so the answer only confirms it. */
function trainingMutation<TInput>(field: string, inputType: string) {
  return resultMutation<{ __typename: string }, TInput>(field, inputType, '__typename');
}

export const CreateTrainingCourseMutation = trainingMutation<{
  name: string;
  description: string | null;
  requiredForApproval: boolean;
  offeredToApprovedHomes: boolean;
  sessionsRequired: number;
}>('createTrainingCourse', 'CreateTrainingCourseInput');
export const ScheduleTrainingSessionMutation = trainingMutation<{ courseId: string; heldOn: string; location: string | null; leader: string | null }>(
  'scheduleTrainingSession',
  'ScheduleTrainingSessionInput',
);
export const RecordTrainingAttendanceMutation = trainingMutation<{ sessionId: string; householdMemberIds: string[] }>('recordTrainingAttendance', 'RecordTrainingAttendanceInput');
export const RecordTrainingCompletionMutation = trainingMutation<{ courseId: string; householdMemberId: string; completedOn: string }>(
  'recordTrainingCompletion',
  'RecordTrainingCompletionInput',
);
