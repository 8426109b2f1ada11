-- Certificates of a course completed without a session (e-learning on its own): at most one such completion per
-- learner and course, so a second request for the certificate finds the first. docs/learning.md §4.
CREATE UNIQUE INDEX "training_completions_course_learner_uq" ON "training_completions" USING btree ("course_id","learner_user_id") WHERE session_id is null;--> statement-breakpoint
-- Selection results were stored as sentences in both languages; they become system-text codes with the session's
-- title (and the waiting-list place) as parameters, rendered in the reader's language (vocab/system-text.ts).
UPDATE "notifications" n
SET "text" = jsonb_build_object(
  'code', CASE n."data"->>'status'
    WHEN 'selected' THEN 'learning_selection_selected'
    WHEN 'waiting' THEN 'learning_selection_waiting'
    WHEN 'not_selected' THEN 'learning_selection_not_selected'
    ELSE 'learning_application_cancelled' END,
  'params', jsonb_strip_nulls(jsonb_build_object(
    'session', coalesce(
      substring(n."title_ja" FROM '^「(.*)」(?:の受講が決まりました|は補欠.*番です|は選外となりました|の申し込みが取り消されました)$'),
      (SELECT s."title" FROM "training_sessions" s WHERE s."id"::text = n."data"->>'sessionId')),
    'waitRank', CASE WHEN n."data"->>'status' = 'waiting' THEN n."data"->'waitRank' END)))
WHERE n."kind" = 'learning_selection_result'
  AND n."text" IS NULL
  AND n."data"->>'status' IN ('selected', 'waiting', 'not_selected', 'cancelled');
