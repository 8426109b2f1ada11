-- The demo database's marker: written by the demo seeding (src/demo/seed.ts) in the same transaction as the
-- fictional data, and by nothing else. Its one row says "this database holds the generated demo"; the demo's
-- role switch (src/modules/accounts/demo-switch.ts) exists only when the row exists and the server runs on the
-- embedded database. demo_accounts lists the users the seeding created, so a user added later by an
-- administrator can never be switched to.
CREATE TABLE "demo_database" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demo_database_one_row_ck" CHECK ("id")
);
--> statement-breakpoint
CREATE TABLE "demo_accounts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demo_database" ADD CONSTRAINT "demo_database_prefecture_fk" FOREIGN KEY ("prefecture_code") REFERENCES "prefectures"("code");--> statement-breakpoint
ALTER TABLE "demo_accounts" ADD CONSTRAINT "demo_accounts_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade;
