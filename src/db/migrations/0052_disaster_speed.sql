-- The outage list at national scale (docs/disaster.md §4.1): each child's mains devices read from the index alone
-- (whether the child depends on electricity, and the shortest battery), and the planner told that a municipality
-- lies in one prefecture, so that it expects a prefecture's children where a list names all its municipalities
-- (without it, it expected a few dozen of the thousand and more it reads, and chose a plan for a few dozen).
CREATE INDEX "child_devices_mains_idx" ON "child_devices" ("child_id", "battery_hours") WHERE "needs_mains";
--> statement-breakpoint
CREATE STATISTICS "children_place_stats" (dependencies) ON "prefecture_code", "municipality_code" FROM "children";
--> statement-breakpoint
ANALYZE "children";
