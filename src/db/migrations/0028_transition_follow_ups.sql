-- The follow-up of a child's transition (KU-3): for one child, one 年度 and one kind of transition (entering
-- nursery or school, moving on, leaving school, turning 18 or 20), where the centre's or municipality's work on
-- it stands and who carries it. A row exists once someone has set either; a transition without one is "not
-- started" with no owner. Written only through the transitions module, within the writer's registry scope, and
-- audited in the same transaction.
CREATE TABLE "transition_follow_ups" (
	"child_id" uuid NOT NULL,
	"nendo" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"owner_user_id" uuid,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "transition_follow_ups_pk" PRIMARY KEY ("child_id", "nendo", "kind"),
	CONSTRAINT "transition_follow_ups_status_ck" CHECK ("status" IN ('not_started', 'in_progress', 'done', 'not_needed'))
);
--> statement-breakpoint
ALTER TABLE "transition_follow_ups" ADD CONSTRAINT "transition_follow_ups_child_fk" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "transition_follow_ups" ADD CONSTRAINT "transition_follow_ups_owner_fk" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "transition_follow_ups" ADD CONSTRAINT "transition_follow_ups_updated_by_fk" FOREIGN KEY ("updated_by") REFERENCES "users"("id");--> statement-breakpoint
CREATE INDEX "transition_follow_ups_owner_idx" ON "transition_follow_ups" ("owner_user_id", "nendo");
