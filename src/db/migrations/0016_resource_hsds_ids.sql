-- HSDS ids of records that came from an HSDS import (decision 0013): kept so that a re-export publishes the
-- same ids as the source. Records made here have none; their HSDS id is derived from their own id.
ALTER TABLE "resource_organizations" ADD COLUMN "hsds_id" uuid;--> statement-breakpoint
ALTER TABLE "resource_services" ADD COLUMN "hsds_id" uuid;--> statement-breakpoint
ALTER TABLE "resource_locations" ADD COLUMN "hsds_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_organizations_hsds_uq" ON "resource_organizations" USING btree ("prefecture_code","hsds_id") WHERE hsds_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_services_hsds_uq" ON "resource_services" USING btree ("prefecture_code","hsds_id") WHERE hsds_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_locations_hsds_uq" ON "resource_locations" USING btree ("prefecture_code","hsds_id") WHERE hsds_id is not null;
