-- Jobs retried after a passing failure wait until run_after; worker_key names the worker holding a running job
-- (its session-level advisory lock on PostgreSQL, its process on the embedded database) so that a job whose
-- worker is gone is queued again at once (decision 0016).
ALTER TABLE "jobs" ADD COLUMN "run_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "worker_key" integer;
