-- Notifications by mail and the daily digest (decision 0030).
-- Each user's choice, per kind of notification, of mail: off (default), immediate or in the daily digest.
CREATE TABLE "notification_mail_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"choices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_mail_preferences_choices_object" CHECK (jsonb_typeof("choices") = 'object')
);
--> statement-breakpoint
ALTER TABLE "notification_mail_preferences" ADD CONSTRAINT "notification_mail_preferences_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");
--> statement-breakpoint
-- One digest per user and day (Japan), written with its outbox row in one transaction: the key makes it once.
CREATE TABLE "notification_digests" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"mail_message_id" uuid,
	"items" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_digests_pk" PRIMARY KEY ("user_id", "day")
);
--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id");
--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_mail_fk" FOREIGN KEY ("mail_message_id") REFERENCES "public"."mail_messages"("id");
--> statement-breakpoint
CREATE INDEX "notification_digests_user_idx" ON "notification_digests" ("user_id", "created_at");
