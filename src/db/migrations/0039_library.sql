-- The library (NA-6, KA-7; docs/knowledge.md §2): items tagged by situation, audience and area, public or
-- staff-only, with numbered versions (a file of the one store, decision 0025, or a link) and a review date;
-- and what was handed out from which consultation.
CREATE TABLE "library_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"situations" text[] NOT NULL,
	"audiences" text[] NOT NULL,
	"municipality_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text NOT NULL,
	"current_version_id" uuid,
	"reviewed_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "library_items_title" CHECK (length("title") between 1 and 200),
	CONSTRAINT "library_items_tags" CHECK (cardinality("situations") >= 1 and cardinality("audiences") >= 1)
);
--> statement-breakpoint
CREATE TABLE "library_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_id" uuid,
	"url" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_versions_content" CHECK (("file_id" is null) <> ("url" is null))
);
--> statement-breakpoint
CREATE TABLE "library_handouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"item_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_items" ADD CONSTRAINT "library_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_item_id_library_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."library_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_handouts" ADD CONSTRAINT "library_handouts_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_handouts" ADD CONSTRAINT "library_handouts_item_id_library_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."library_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_handouts" ADD CONSTRAINT "library_handouts_version_id_library_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."library_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_handouts" ADD CONSTRAINT "library_handouts_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_handouts" ADD CONSTRAINT "library_handouts_action_id_consultation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."consultation_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_handouts" ADD CONSTRAINT "library_handouts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_items_prefecture_idx" ON "library_items" USING btree ("prefecture_code","visibility");--> statement-breakpoint
CREATE UNIQUE INDEX "library_versions_number_uq" ON "library_versions" USING btree ("item_id","number");--> statement-breakpoint
CREATE INDEX "library_handouts_consultation_idx" ON "library_handouts" USING btree ("consultation_id","at");--> statement-breakpoint
CREATE INDEX "library_handouts_item_idx" ON "library_handouts" USING btree ("item_id","at");
