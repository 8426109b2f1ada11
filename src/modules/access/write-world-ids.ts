/**
 * The ids of the write part of the endpoint matrix (endpoint-matrix-writes.db.test.ts): one of every kind of
 * record a write route names, as write-world.ts makes them, and the same shape naming nothing.
 */
import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../registry/collections';

/** One id of every kind of record a write route names in its path (the collections' rows by list name). */
export type RecordIds = {
  child: string;
  rows: Record<string, string>;
  consent: string;
  savedFilter: string;
  region: string;
  centre: string;
  organisation: string;
  person: string;
  user: string;
  notification: string;
  registration: string;
  source: string;
  pair: string;
  run: string;
  resourceOrg: string;
  service: string;
  round: string;
  bottleneck: string;
  superviseTeam: string;
  consultation: string;
  handoff: string;
  trainingCourse: string;
  trainingSession: string;
  /** An application to an open session, by a learner of the record's prefecture. */
  trainingApplication: string;
  /** That application's session and its first day (attendance is ticked per day). */
  applicationSession: string;
  applicationDay: string;
  /** A certificate of completion of that session's course. */
  certificate: string;
  learnerSignUp: string;
  /** A training request (MI-6) of the record's prefecture, owned by its HQ, from a municipality of no user of 14. */
  trainingRequest: string;
  lessonPart: string;
  elearningMedia: string;
  elearningQuestion: string;
  elearningAttempt: string;
  /** The learner of that certificate: a trained coordinator on the prefecture's roster. */
  coordinator: string;
  /** A person in a branch's supervise pool. */
  poolMember: string;
  /** A regional issue and a development project (regional-issues/). */
  regionalIssue: string;
  developmentProject: string;
  /** An engagement with a municipality, and that municipality's code (its four-division cycle). */
  engagement: string;
  engagementMunicipality: string;
  /** A municipality's code (its page, municipalities/): not an id, but named in the path like one. */
  municipality: string;
  /** A council body with a member, a meeting and an action item (councils/). */
  councilBody: string;
  councilMember: string;
  councilMeeting: string;
  councilActionItem: string;
  /** A survey of the centre (surveys/). */
  survey: string;
  /** A library item (library/). */
  libraryItem: string;
  /** A draft good-practice story (good-practices/). */
  goodPractice: string;
  /** A page of the centre's public site (public-site/). */
  publicPage: string;
  /** A bounced message in the outbox (mail/). */
  mailMessage: string;
  /** A declared disaster event (disaster-events/). */
  disasterEvent: string;
};

/** Ids of the same shape as real ones that name nothing. */
export function unknownIds(): RecordIds {
  const u = () => randomUUID();
  return {
    child: u(),
    rows: Object.fromEntries(COLLECTIONS.map((s) => [s.name, u()])),
    consent: u(),
    savedFilter: u(),
    region: u(),
    centre: u(),
    organisation: u(),
    person: u(),
    user: u(),
    notification: u(),
    registration: u(),
    source: u(),
    pair: u(),
    run: u(),
    resourceOrg: u(),
    service: u(),
    round: u(),
    bottleneck: u(),
    superviseTeam: u(),
    consultation: u(),
    handoff: u(),
    trainingCourse: u(),
    trainingSession: u(),
    trainingApplication: u(),
    applicationSession: u(),
    applicationDay: u(),
    certificate: u(),
    learnerSignUp: u(),
    trainingRequest: u(),
    lessonPart: u(),
    elearningMedia: u(),
    elearningQuestion: u(),
    elearningAttempt: u(),
    coordinator: u(),
    poolMember: u(),
    regionalIssue: u(),
    developmentProject: u(),
    engagement: u(),
    engagementMunicipality: '149990',
    // A code of the shape of 神奈川's that names no municipality.
    municipality: '149990',
    councilBody: u(),
    publicPage: u(),
    mailMessage: u(),
    councilMember: u(),
    councilMeeting: u(),
    councilActionItem: u(),
    survey: u(),
    disasterEvent: u(),
    libraryItem: u(),
    goodPractice: u(),
  };
}
