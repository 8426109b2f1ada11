-- Whether the guardian's current decision on sharing with the municipality of residence is a grant, kept on the
-- child's row. Municipal staff see a child only while it is (registry/scope.ts); until now every municipal list
-- worked it out per child from child_consents (the newest decision by decision date, then by when it was
-- recorded; a withdrawn newest decision is no consent), and the number of children withheld from a municipality
-- read the consents of all its children at every search — 10 of 11 ms of a municipal search under load
-- (decision 0015). A trigger on child_consents keeps the flag in the same transaction as the decision, so no
-- writer can forget it.
ALTER TABLE "children" ADD COLUMN "share_municipality_granted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "children" c SET "share_municipality_granted" = coalesce((
  SELECT cc."granted" AND cc."withdrawn_on" IS NULL FROM "child_consents" cc
  WHERE cc."child_id" = c."id" AND cc."purpose" = 'share_municipality'
  ORDER BY cc."decided_on" DESC, cc."created_at" DESC LIMIT 1), false);--> statement-breakpoint
CREATE FUNCTION "children_share_municipality_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    ids := ARRAY[OLD."child_id"];
  ELSIF TG_OP = 'UPDATE' AND OLD."child_id" IS DISTINCT FROM NEW."child_id" THEN
    ids := ARRAY[OLD."child_id", NEW."child_id"];
  ELSE
    ids := ARRAY[NEW."child_id"];
  END IF;
  UPDATE "children" c SET "share_municipality_granted" = g.granted
  FROM (
    SELECT x.id, coalesce((
      SELECT cc."granted" AND cc."withdrawn_on" IS NULL FROM "child_consents" cc
      WHERE cc."child_id" = x.id AND cc."purpose" = 'share_municipality'
      ORDER BY cc."decided_on" DESC, cc."created_at" DESC LIMIT 1), false) AS granted
    FROM unnest(ids) AS x(id)
  ) g
  WHERE c."id" = g.id AND c."share_municipality_granted" IS DISTINCT FROM g.granted;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "children_share_municipality_sync" AFTER INSERT OR UPDATE OR DELETE ON "child_consents"
  FOR EACH ROW EXECUTE FUNCTION "children_share_municipality_sync"();--> statement-breakpoint
CREATE INDEX "children_withheld_idx" ON "children" USING btree ("prefecture_code", "municipality_code")
  WHERE NOT "share_municipality_granted";
