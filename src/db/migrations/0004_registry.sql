CREATE TABLE "child_care_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"code" text NOT NULL,
	"watch" text DEFAULT 'low' NOT NULL,
	"judged_on" date,
	"judged_by" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"decided_on" date NOT NULL,
	"method" text NOT NULL,
	"withdrawn_on" date,
	"recorded_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"needs_mains" boolean DEFAULT false NOT NULL,
	"battery_hours" numeric(5, 1),
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_diagnoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"name" text NOT NULL,
	"icd10" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_guardians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"family_kana" text,
	"given_kana" text,
	"relationship" text NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_handbooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"grade" text,
	"issued_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "child_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"child_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_physicians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"organisation_id" uuid,
	"hospital_name" text NOT NULL,
	"department" text,
	"physician_name" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_residences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"address" text,
	"from_date" date NOT NULL,
	"to_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"receipt_no" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitter_kind" text NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"family_kana" text NOT NULL,
	"given_kana" text NOT NULL,
	"birth_date" date NOT NULL,
	"payload" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"child_id" uuid,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"recipient_user_id" uuid,
	"recipient_municipality_code" char(6),
	"kind" text NOT NULL,
	"title_ja" text NOT NULL,
	"title_en" text NOT NULL,
	"entity_type" text,
	"entity_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "saved_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_affiliations" ADD COLUMN "detail" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "status_since" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "living_situation" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "care_tier" integer;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "kana_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "child_care_items" ADD CONSTRAINT "child_care_items_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_consents" ADD CONSTRAINT "child_consents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_devices" ADD CONSTRAINT "child_devices_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_diagnoses" ADD CONSTRAINT "child_diagnoses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_guardians" ADD CONSTRAINT "child_guardians_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_handbooks" ADD CONSTRAINT "child_handbooks_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_history" ADD CONSTRAINT "child_history_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_physicians" ADD CONSTRAINT "child_physicians_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_physicians" ADD CONSTRAINT "child_physicians_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_residences" ADD CONSTRAINT "child_residences_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_residences" ADD CONSTRAINT "child_residences_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_care_items_child_idx" ON "child_care_items" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_care_items_code_idx" ON "child_care_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "child_consents_child_idx" ON "child_consents" USING btree ("child_id","purpose");--> statement-breakpoint
CREATE INDEX "child_devices_child_idx" ON "child_devices" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_devices_kind_idx" ON "child_devices" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "child_diagnoses_child_idx" ON "child_diagnoses" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_guardians_child_idx" ON "child_guardians" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_handbooks_child_idx" ON "child_handbooks" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_history_child_idx" ON "child_history" USING btree ("child_id","at");--> statement-breakpoint
CREATE INDEX "child_physicians_child_idx" ON "child_physicians" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_residences_child_idx" ON "child_residences" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_residences_municipality_idx" ON "child_residences" USING btree ("municipality_code","to_date");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_receipt_uq" ON "registrations" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "registrations_queue_idx" ON "registrations" USING btree ("prefecture_code","status","submitted_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_municipality_idx" ON "notifications" USING btree ("prefecture_code","recipient_municipality_code","created_at");--> statement-breakpoint
CREATE INDEX "saved_filters_user_idx" ON "saved_filters" USING btree ("user_id","scope");--> statement-breakpoint
CREATE INDEX "children_kana_key_trgm_idx" ON "children" USING gin ("kana_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "children_name_key_trgm_idx" ON "children" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "children_birth_date_idx" ON "children" USING btree ("prefecture_code","birth_date");