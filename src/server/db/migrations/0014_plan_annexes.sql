CREATE TABLE "plan_annex_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"annex_id" uuid NOT NULL,
	"parent_id" uuid,
	"sort_order" integer NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"heading" text DEFAULT '' NOT NULL,
	"text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_annexes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"sort_order" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"reference" text
);
--> statement-breakpoint
ALTER TABLE "plan_annex_sections" ADD CONSTRAINT "plan_annex_sections_annex_id_plan_annexes_id_fk" FOREIGN KEY ("annex_id") REFERENCES "public"."plan_annexes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_annex_sections" ADD CONSTRAINT "plan_annex_sections_parent_id_plan_annex_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_annex_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_annexes" ADD CONSTRAINT "plan_annexes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_annex_sections_annex_idx" ON "plan_annex_sections" USING btree ("annex_id","parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "plan_annexes_plan_idx" ON "plan_annexes" USING btree ("plan_id","sort_order");