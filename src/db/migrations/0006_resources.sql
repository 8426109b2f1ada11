CREATE TABLE "resource_bottlenecks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"region_id" uuid NOT NULL,
	"care_item" text,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_links" (
	"id" text PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"round_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resource_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text,
	"postal_code" text,
	"address" text NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
CREATE TABLE "resource_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"kana" text,
	"description" text,
	"website" text,
	"phone" text,
	"email" text,
	"network_organisation_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_round_items" (
	"round_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "resource_round_items_round_id_service_id_pk" PRIMARY KEY("round_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "resource_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"nendo" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_service_locations" (
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"is_primary" boolean DEFAULT true NOT NULL,
	CONSTRAINT "resource_service_locations_service_id_location_id_pk" PRIMARY KEY("service_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "resource_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prefecture_code" char(2) NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kana" text,
	"type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"office_number" text,
	"description" text,
	"how_to_apply" text,
	"eligibility_description" text,
	"fees_description" text,
	"min_age" integer,
	"max_age" integer,
	"capacity" integer,
	"vacancy" integer,
	"capacity_updated_at" timestamp with time zone,
	"transport" boolean,
	"transport_note" text,
	"bathing" boolean,
	"bathing_note" text,
	"phone" text,
	"email" text,
	"website" text,
	"schedules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"care_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accepts" text[] DEFAULT '{}'::text[] NOT NULL,
	"area_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_code" char(6) NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"last_confirmed_at" timestamp with time zone,
	"last_confirmed_kind" text,
	"last_confirmed_by_user_id" uuid,
	"last_confirmed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resource_bottlenecks" ADD CONSTRAINT "resource_bottlenecks_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bottlenecks" ADD CONSTRAINT "resource_bottlenecks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_bottlenecks" ADD CONSTRAINT "resource_bottlenecks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_links" ADD CONSTRAINT "resource_links_service_id_resource_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."resource_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_links" ADD CONSTRAINT "resource_links_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_links" ADD CONSTRAINT "resource_links_round_id_resource_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."resource_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_links" ADD CONSTRAINT "resource_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD CONSTRAINT "resource_locations_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD CONSTRAINT "resource_locations_organization_id_resource_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."resource_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD CONSTRAINT "resource_locations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_organizations" ADD CONSTRAINT "resource_organizations_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_organizations" ADD CONSTRAINT "resource_organizations_network_organisation_id_organisations_id_fk" FOREIGN KEY ("network_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_round_items" ADD CONSTRAINT "resource_round_items_round_id_resource_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."resource_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_round_items" ADD CONSTRAINT "resource_round_items_service_id_resource_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."resource_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_round_items" ADD CONSTRAINT "resource_round_items_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_rounds" ADD CONSTRAINT "resource_rounds_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_rounds" ADD CONSTRAINT "resource_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_locations" ADD CONSTRAINT "resource_service_locations_service_id_resource_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."resource_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_locations" ADD CONSTRAINT "resource_service_locations_location_id_resource_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."resource_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_locations" ADD CONSTRAINT "resource_service_locations_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_prefecture_code_prefectures_code_fk" FOREIGN KEY ("prefecture_code") REFERENCES "public"."prefectures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_organization_id_resource_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."resource_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_last_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("last_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resource_bottlenecks_region_idx" ON "resource_bottlenecks" USING btree ("prefecture_code","region_id");--> statement-breakpoint
CREATE INDEX "resource_links_service_idx" ON "resource_links" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "resource_locations_organization_idx" ON "resource_locations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "resource_organizations_prefecture_idx" ON "resource_organizations" USING btree ("prefecture_code","name");--> statement-breakpoint
CREATE INDEX "resource_organizations_network_idx" ON "resource_organizations" USING btree ("network_organisation_id");--> statement-breakpoint
CREATE INDEX "resource_round_items_service_idx" ON "resource_round_items" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_rounds_prefecture_nendo_uq" ON "resource_rounds" USING btree ("prefecture_code","nendo");--> statement-breakpoint
CREATE INDEX "resource_service_locations_location_idx" ON "resource_service_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "resource_services_municipality_type_idx" ON "resource_services" USING btree ("municipality_code","type");--> statement-breakpoint
CREATE INDEX "resource_services_type_municipality_idx" ON "resource_services" USING btree ("type","municipality_code");--> statement-breakpoint
CREATE INDEX "resource_services_prefecture_idx" ON "resource_services" USING btree ("prefecture_code","type");--> statement-breakpoint
CREATE INDEX "resource_services_organization_idx" ON "resource_services" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "resource_services_accepts_idx" ON "resource_services" USING gin ("accepts");--> statement-breakpoint
CREATE INDEX "resource_services_area_idx" ON "resource_services" USING gin ("area_codes");--> statement-breakpoint
CREATE INDEX "resource_services_search_trgm_idx" ON "resource_services" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "resource_services_office_uq" ON "resource_services" USING btree ("prefecture_code","office_number","type") WHERE office_number is not null;