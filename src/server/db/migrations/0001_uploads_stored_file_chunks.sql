CREATE TABLE "stored_file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
ALTER TABLE "stored_files" ADD COLUMN "storage" text DEFAULT 'database' NOT NULL;--> statement-breakpoint
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_sha256_idx" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
-- Existing files keep their bytes in the database, cut into rows of at most 1 MB (an empty file gets none).
INSERT INTO "stored_file_chunks" ("file_id", "seq", "data")
SELECT f."id", g.seq, substring(f."content" from g.seq * 1048576 + 1 for 1048576)
FROM "stored_files" f
CROSS JOIN LATERAL generate_series(0, (octet_length(f."content") - 1) / 1048576) AS g(seq)
WHERE octet_length(f."content") > 0;--> statement-breakpoint
ALTER TABLE "stored_files" DROP COLUMN "content";