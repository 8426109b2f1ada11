ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_uq" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE hash is null;--> statement-breakpoint
-- Entries chained before sealing existed were chained in id order: that order becomes their seq.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
UPDATE "audit_log" SET "seq" = "id" WHERE "seq" IS NULL AND "hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
-- Append-only, with one exception: sealing sets seq, prev_hash and hash once, leaving the content unchanged.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.seq IS NULL
     AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.seq IS NOT NULL
     AND NEW.id = OLD.id AND NEW.at = OLD.at
     AND NEW.prefecture_code IS NOT DISTINCT FROM OLD.prefecture_code
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
     AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
     AND NEW.entity_ids = OLD.entity_ids AND NEW.detail = OLD.detail
     AND NEW.ip IS NOT DISTINCT FROM OLD.ip AND NEW.user_agent IS NOT DISTINCT FROM OLD.user_agent
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
