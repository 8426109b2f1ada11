-- Meeting materials (docs/municipal-support.md §3): files of the one store (decision 0025) attached to a council
-- meeting, with a title; read by those who read the meeting, kept by those who manage its body.
CREATE TABLE "council_meeting_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_meeting_materials_title" CHECK (length("title") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "council_meeting_materials" ADD CONSTRAINT "council_meeting_materials_meeting_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade;
--> statement-breakpoint
ALTER TABLE "council_meeting_materials" ADD CONSTRAINT "council_meeting_materials_file_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id");
--> statement-breakpoint
ALTER TABLE "council_meeting_materials" ADD CONSTRAINT "council_meeting_materials_user_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id");
--> statement-breakpoint
CREATE INDEX "council_meeting_materials_meeting" ON "council_meeting_materials" ("meeting_id", "created_at");
