CREATE TABLE "plan_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"sort_order" integer NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"heading" text DEFAULT '' NOT NULL,
	"text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_parent_id_plan_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_sections_plan_idx" ON "plan_sections" USING btree ("plan_id","parent_id","sort_order");--> statement-breakpoint
-- Hand-written data migration (issue 8, "Outline with identity"): every plan's JSON outline `plans.sections`
-- (a tree of {number, heading, text, children}) becomes rows of plan_sections, each with its own id, its parent
-- and its place among its siblings (0, 1, 2… in the order of the JSON array), before the column is dropped.
-- The recursive walk gives each node its id once, so its children's parent_id is that same id.
WITH RECURSIVE "walk" ("plan_id", "id", "parent_id", "sort_order", "node") AS (
	SELECT "p"."id", gen_random_uuid(), NULL::uuid, ("e"."ord" - 1)::integer, "e"."value"
	FROM "plans" "p"
	CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof("p"."sections") = 'array' THEN "p"."sections" ELSE '[]'::jsonb END)
		WITH ORDINALITY AS "e"("value", "ord")
	UNION ALL
	SELECT "w"."plan_id", gen_random_uuid(), "w"."id", ("c"."ord" - 1)::integer, "c"."value"
	FROM "walk" "w"
	CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof("w"."node" -> 'children') = 'array' THEN "w"."node" -> 'children' ELSE '[]'::jsonb END)
		WITH ORDINALITY AS "c"("value", "ord")
)
INSERT INTO "plan_sections" ("id", "plan_id", "parent_id", "sort_order", "number", "heading", "text")
SELECT "id", "plan_id", "parent_id", "sort_order",
	coalesce("node" ->> 'number', ''), coalesce("node" ->> 'heading', ''), coalesce("node" ->> 'text', '')
FROM "walk";--> statement-breakpoint
ALTER TABLE "plans" DROP COLUMN "sections";