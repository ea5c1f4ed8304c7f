CREATE TABLE "delegate_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegate_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"substitute_name" text DEFAULT '' NOT NULL,
	"substitute_title" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegate_answers_kind" CHECK ("delegate_answers"."answer" in ('attending', 'absent', 'substitute'))
);
--> statement-breakpoint
CREATE TABLE "delegate_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegate_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegate_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"group_id" uuid,
	"task_id" uuid NOT NULL,
	"count" integer NOT NULL,
	"titles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegate_settings" (
	"conference_id" uuid PRIMARY KEY NOT NULL,
	"confirm_by" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"unit_id" uuid,
	"state" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"document_number" text DEFAULT '' NOT NULL,
	"send_email" boolean DEFAULT false NOT NULL,
	"zip_file_id" uuid,
	"pdf_file_id" uuid,
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "quota_id" uuid;--> statement-breakpoint
ALTER TABLE "delegate_answers" ADD CONSTRAINT "delegate_answers_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_links" ADD CONSTRAINT "delegate_links_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_quotas" ADD CONSTRAINT "delegate_quotas_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_quotas" ADD CONSTRAINT "delegate_quotas_group_id_conference_delegate_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."conference_delegate_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_settings" ADD CONSTRAINT "delegate_settings_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegate_answers_delegate_idx" ON "delegate_answers" USING btree ("delegate_id","answered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "delegate_links_hash_idx" ON "delegate_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "delegate_links_delegate_idx" ON "delegate_links" USING btree ("delegate_id");--> statement-breakpoint
CREATE INDEX "delegate_quotas_conference_idx" ON "delegate_quotas" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "invitation_batches_conference_idx" ON "invitation_batches" USING btree ("conference_id","created_at");--> statement-breakpoint
CREATE INDEX "invitation_batches_state_idx" ON "invitation_batches" USING btree ("state");