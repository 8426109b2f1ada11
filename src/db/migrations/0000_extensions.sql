-- pg_trgm for Japanese-aware name search (needs a UTF-8, non-C ctype database) and fuzzystrmatch for linkage.
-- btree_gin is deliberately absent: PGlite 0.5 hangs with it loaded (see docs/decisions/0002-databases.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
