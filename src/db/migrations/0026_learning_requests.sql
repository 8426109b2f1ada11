-- Training requests (MI-6): who asks, what for and why, the dialogue until the need is written down, the
-- session it led to; a first entry's child (KU-3) or a newly opened provider where the request started there.
CREATE TABLE "training_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL REFERENCES "public"."prefectures"("code"),
	"requester_kind" text NOT NULL,
	"requester_organisation_id" uuid REFERENCES "public"."organisations"("id"),
	"requester_municipality_code" char(6) REFERENCES "public"."municipalities"("code"),
	"requester_name" text NOT NULL,
	"contact_name" text,
	"contact_detail" text,
	"course_kind" text DEFAULT 'made_to_order' NOT NULL,
	"asked_for" text NOT NULL,
	"reason" text NOT NULL,
	"need" text,
	"need_written_at" timestamp with time zone,
	"status" text DEFAULT 'received' NOT NULL,
	"owner_centre_id" uuid REFERENCES "public"."centres"("id"),
	"owner_region_id" uuid REFERENCES "public"."regions"("id"),
	"handler_user_id" uuid REFERENCES "public"."users"("id"),
	"session_id" uuid REFERENCES "public"."training_sessions"("id"),
	"source" text DEFAULT 'direct' NOT NULL,
	"source_child_id" uuid REFERENCES "public"."children"("id"),
	"source_nendo" smallint,
	"source_transition_kind" text,
	"source_resource_organization_id" uuid REFERENCES "public"."resource_organizations"("id"),
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"created_by" uuid NOT NULL REFERENCES "public"."users"("id"),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_requests_one_owner" CHECK (owner_centre_id is null or owner_region_id is null)
);
--> statement-breakpoint
CREATE INDEX "training_requests_queue_idx" ON "training_requests" USING btree ("prefecture_code","status","created_at");--> statement-breakpoint
CREATE INDEX "training_requests_organisation_idx" ON "training_requests" USING btree ("requester_organisation_id");--> statement-breakpoint
CREATE INDEX "training_requests_municipality_idx" ON "training_requests" USING btree ("requester_municipality_code");--> statement-breakpoint
CREATE INDEX "training_requests_child_idx" ON "training_requests" USING btree ("source_child_id","source_nendo");--> statement-breakpoint
CREATE INDEX "training_requests_resource_idx" ON "training_requests" USING btree ("source_resource_organization_id");--> statement-breakpoint
CREATE TABLE "training_request_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL REFERENCES "public"."training_requests"("id"),
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"body" text,
	"author_user_id" uuid NOT NULL REFERENCES "public"."users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "training_request_entries_request_seq_uq" ON "training_request_entries" USING btree ("request_id","seq");
