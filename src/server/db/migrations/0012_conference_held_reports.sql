CREATE TABLE "conference_held_reports" (
	"obligation_id" uuid PRIMARY KEY NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"attendance" integer NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"reported_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_held_reports_attendance_ck" CHECK ("conference_held_reports"."attendance" >= 0)
);
--> statement-breakpoint
ALTER TABLE "conference_held_reports" ADD CONSTRAINT "conference_held_reports_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_held_reports" ADD CONSTRAINT "conference_held_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;