CREATE TABLE "report_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_headings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"parent_id" uuid,
	"sort_order" integer NOT NULL,
	"number" text NOT NULL,
	"heading" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"heading_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_of_measure" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"min" numeric,
	"not_above_id" uuid,
	"numerator_id" uuid,
	"denominator_id" uuid
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "unit_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"obligation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_forms" ADD CONSTRAINT "report_forms_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forms" ADD CONSTRAINT "report_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_headings" ADD CONSTRAINT "report_headings_form_id_report_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."report_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_headings" ADD CONSTRAINT "report_headings_parent_id_report_headings_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."report_headings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_form_id_report_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."report_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_heading_id_report_headings_id_fk" FOREIGN KEY ("heading_id") REFERENCES "public"."report_headings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_not_above_id_report_indicators_id_fk" FOREIGN KEY ("not_above_id") REFERENCES "public"."report_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_numerator_id_report_indicators_id_fk" FOREIGN KEY ("numerator_id") REFERENCES "public"."report_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_indicators" ADD CONSTRAINT "report_indicators_denominator_id_report_indicators_id_fk" FOREIGN KEY ("denominator_id") REFERENCES "public"."report_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_unit_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_indicator_id_report_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."report_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_form_id_report_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."report_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_reports" ADD CONSTRAINT "unit_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_forms_task_uq" ON "report_forms" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "report_headings_form_idx" ON "report_headings" USING btree ("form_id","parent_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "report_indicators_form_code_uq" ON "report_indicators" USING btree ("form_id","code");--> statement-breakpoint
CREATE INDEX "report_indicators_heading_idx" ON "report_indicators" USING btree ("heading_id");--> statement-breakpoint
CREATE INDEX "report_values_indicator_idx" ON "report_values" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_reports_obligation_uq" ON "unit_reports" USING btree ("obligation_id");--> statement-breakpoint
CREATE INDEX "unit_reports_form_unit_idx" ON "unit_reports" USING btree ("form_id","unit_id");