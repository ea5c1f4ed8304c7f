CREATE TABLE "conference_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"content" text NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"responsible_unit_id" uuid,
	"kind" text DEFAULT 'item' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_unit_id" uuid,
	"recipient_title" text DEFAULT '' NOT NULL,
	"form" text DEFAULT '' NOT NULL,
	"citation" text DEFAULT '' NOT NULL,
	"presenter" text DEFAULT '' NOT NULL,
	"stage_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_delegate_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"name" text NOT NULL,
	"members" text DEFAULT '' NOT NULL,
	"dress_code" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_logistics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"task_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_speeches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text DEFAULT '' NOT NULL,
	"task_id" uuid,
	"time_limit_seconds" integer DEFAULT 420 NOT NULL,
	"running_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_timer_commands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conference_id" uuid NOT NULL,
	"command" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_timers" (
	"conference_id" uuid PRIMARY KEY NOT NULL,
	"subject_kind" text DEFAULT 'none' NOT NULL,
	"subject_id" uuid,
	"label" text DEFAULT '' NOT NULL,
	"limit_ms" bigint DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"accumulated_ms" bigint DEFAULT 0 NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_timers_accumulated_ck" CHECK ("conference_timers"."accumulated_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"host_unit_id" uuid NOT NULL,
	"level" text,
	"title" text NOT NULL,
	"banner_text" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"duration_label" text,
	"venue" text DEFAULT '' NOT NULL,
	"format" text DEFAULT 'in_person' NOT NULL,
	"chair" text DEFAULT '' NOT NULL,
	"expected_attendance" integer,
	"per_unit_task_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conference_agenda_items" ADD CONSTRAINT "conference_agenda_items_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_agenda_items" ADD CONSTRAINT "conference_agenda_items_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_awards" ADD CONSTRAINT "conference_awards_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_awards" ADD CONSTRAINT "conference_awards_recipient_unit_id_units_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_delegate_groups" ADD CONSTRAINT "conference_delegate_groups_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_logistics" ADD CONSTRAINT "conference_logistics_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_logistics" ADD CONSTRAINT "conference_logistics_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_speeches" ADD CONSTRAINT "conference_speeches_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_speeches" ADD CONSTRAINT "conference_speeches_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_speeches" ADD CONSTRAINT "conference_speeches_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_timer_commands" ADD CONSTRAINT "conference_timer_commands_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_timer_commands" ADD CONSTRAINT "conference_timer_commands_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_timers" ADD CONSTRAINT "conference_timers_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_host_unit_id_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_per_unit_task_id_tasks_id_fk" FOREIGN KEY ("per_unit_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_agenda_items_conf_idx" ON "conference_agenda_items" USING btree ("conference_id","sort_order");--> statement-breakpoint
CREATE INDEX "conference_awards_conf_idx" ON "conference_awards" USING btree ("conference_id","stage_order");--> statement-breakpoint
CREATE INDEX "conference_delegate_groups_conf_idx" ON "conference_delegate_groups" USING btree ("conference_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_logistics_task_uq" ON "conference_logistics" USING btree ("conference_id","task_id");--> statement-breakpoint
CREATE INDEX "conference_speeches_conf_idx" ON "conference_speeches" USING btree ("conference_id","running_order");--> statement-breakpoint
CREATE INDEX "conference_speeches_task_idx" ON "conference_speeches" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "conference_timer_commands_conf_idx" ON "conference_timer_commands" USING btree ("conference_id","at");--> statement-breakpoint
CREATE INDEX "conferences_plan_idx" ON "conferences" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "conferences_host_idx" ON "conferences" USING btree ("host_unit_id");