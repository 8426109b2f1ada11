import { useQuery } from '@tanstack/react-query';
import type { Profession } from '../../../../../src/shared/vocab/learning';
import { apiFetch } from '../../../lib/api';

/** The attendance sheet of a session (GET /api/learning/sessions/{id}/attendance). */
export type AttendanceMark = {
  dayId: string;
  applicationId: string;
  present: boolean;
  recordedByName: string;
  recordedAt: string;
};
export type AttendanceSheet = {
  session: {
    id: string;
    title: string;
    courseTitle: string;
    courseKind: string;
    status: string;
    place: string;
  };
  days: {
    id: string;
    seq: number;
    heldOn: string;
    startsAt: string | null;
    endsAt: string | null;
    partTitle: string | null;
  }[];
  participants: {
    applicationId: string;
    learnerUserId: string;
    name: string;
    profession: Profession;
    workplace: string;
  }[];
  marks: AttendanceMark[];
  canRecord: boolean;
};

export const attendanceKey = (sessionId: string) => ['learning', 'attendance', sessionId] as const;

/** The sheet, refreshed every 15 seconds so that ticks from other tablets appear. */
export function useAttendanceSheet(sessionId: string, poll = true) {
  return useQuery({
    queryKey: attendanceKey(sessionId),
    queryFn: ({ signal }) =>
      apiFetch<AttendanceSheet>('GET', `/api/learning/sessions/${sessionId}/attendance`, { signal }),
    refetchInterval: poll ? 15_000 : false,
  });
}

/** One tick; `seenRecordedAt` is the mark the screen showed (null: none). */
export function putTick(
  sessionId: string,
  dayId: string,
  applicationId: string,
  present: boolean | null,
  seenRecordedAt: string | null,
) {
  return apiFetch<{ mark: AttendanceMark | null }>(
    'PUT',
    `/api/learning/sessions/${sessionId}/days/${dayId}/attendance/${applicationId}`,
    { body: { present, seenRecordedAt } },
  );
}
