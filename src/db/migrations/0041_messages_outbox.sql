-- Outgoing mail (decision 0028): the outbox. Rows are written in the transaction of the event that causes them
-- and sent by the mail sender, which claims due rows with FOR UPDATE SKIP LOCKED under a lease.
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2),
	"recipient_user_id" uuid,
	"to_address" text,
	"to_name" text NOT NULL,
	"locale" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"problem" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_messages_status" CHECK ("status" in ('queued', 'sending', 'sent', 'failed', 'bounced')),
	CONSTRAINT "mail_messages_locale" CHECK ("locale" in ('ja', 'en')),
	-- No line break may reach a header (header injection): checked before the insert and kept here.
	CONSTRAINT "mail_messages_headers" CHECK (
		"subject" !~ '[\r\n]' AND "to_name" !~ '[\r\n]' AND coalesce("to_address", '') !~ '[\r\n]')
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code");
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_recipient_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id");
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id");
--> statement-breakpoint
CREATE INDEX "mail_messages_due_idx" ON "mail_messages" ("status", "next_attempt_at");
--> statement-breakpoint
CREATE INDEX "mail_messages_prefecture_idx" ON "mail_messages" ("prefecture_code", "created_at");
