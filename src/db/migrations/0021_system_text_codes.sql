-- Text the system writes into records is stored as a code with parameters (src/shared/vocab/system-text.ts)
-- and rendered in the reader's language: an English sentence stored in a reason showed on Japanese screens,
-- a Japanese registration note on English ones. The sentences written before become codes where they match.
ALTER TABLE "consultation_handoffs" ADD COLUMN "system_reason" jsonb;--> statement-breakpoint
ALTER TABLE "child_care_items" ADD COLUMN "system_note" jsonb;--> statement-breakpoint
ALTER TABLE "child_consents" ADD COLUMN "system_note" jsonb;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "text" jsonb;--> statement-breakpoint
UPDATE "consultation_handoffs"
SET "system_reason" = '{"code":"handoff_kept_as_backup"}'::jsonb, "reason" = NULL
WHERE "reason" = 'kept as back-up after hand-off';--> statement-breakpoint
UPDATE "child_care_items"
SET "system_note" = jsonb_build_object(
      'code', 'registration_care_reported',
      'params', jsonb_build_object('receiptNo', substring("note" FROM '^登録申請 (\S+) による（家族等の申告）$'))),
    "note" = NULL
WHERE "note" ~ '^登録申請 \S+ による（家族等の申告）$';--> statement-breakpoint
UPDATE "child_consents"
SET "system_note" = jsonb_build_object(
      'code', 'registration_consent',
      'params', jsonb_build_object('receiptNo', substring("note" FROM '^登録申請 (\S+)$'))),
    "note" = NULL
WHERE "note" ~ '^登録申請 \S+$';--> statement-breakpoint
UPDATE "notifications"
SET "text" = jsonb_build_object('code', "kind", 'params', '{}'::jsonb)
WHERE "kind" IN ('consultation_assigned', 'consultation_public_request')
   OR "kind" ~ '^consultation_(handoff|backup|supervise)_(requested|accepted|declined|withdrawn)$';--> statement-breakpoint
UPDATE "notifications" n
SET "text" = jsonb_build_object(
  'code', CASE WHEN n."title_ja" LIKE '%保護者の同意がない%' THEN 'child_moved_in_withheld' ELSE 'child_moved_in' END,
  'params', jsonb_build_object(
    'from', coalesce(
      (SELECT m."name" FROM "municipalities" m WHERE m."code" = n."data"->>'fromMunicipalityCode'),
      n."data"->>'fromMunicipalityCode'),
    'movedOn', n."data"->>'movedOn'))
WHERE n."kind" = 'child_moved_in';
