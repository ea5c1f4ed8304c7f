-- Data (hand-written, issue 9): the plans' JSON conferences and speeches become records before the columns go.
-- Every element of plans.conferences → a conferences row (host = the plan's issuer; times are Vietnam time, UTC+7,
-- no daylight saving), its participants → delegate groups (the dress code on each), its agenda → agenda items
-- ("Tham luận" → kind speeches, "Khen thưởng" → kind awards). Every element of plans.speeches → a speech of the
-- plan's first conference (one is made from the plan when it has speeches and no conference).
CREATE TEMP TABLE "_kh_conference_map" AS
SELECT gen_random_uuid() AS "id", p."id" AS "plan_id", p."issuer_unit_id", p."title" AS "plan_title", c."elem", c."ord"::int AS "ord",
  CASE WHEN c."elem"->>'date' ~ '^\d{4}-\d{2}-\d{2}$' THEN c."elem"->>'date' END AS "day"
FROM "plans" p
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p."conferences") = 'array' THEN p."conferences" ELSE '[]'::jsonb END)
  WITH ORDINALITY AS c("elem", "ord")
WHERE jsonb_typeof(c."elem") = 'object';
--> statement-breakpoint
INSERT INTO "_kh_conference_map" ("id", "plan_id", "issuer_unit_id", "plan_title", "elem", "ord", "day")
SELECT gen_random_uuid(), p."id", p."issuer_unit_id", p."title", '{}'::jsonb, 1, NULL
FROM "plans" p
WHERE jsonb_typeof(p."speeches") = 'array' AND jsonb_array_length(p."speeches") > 0
  AND NOT EXISTS (SELECT 1 FROM "_kh_conference_map" m WHERE m."plan_id" = p."id");
--> statement-breakpoint
INSERT INTO "conferences" ("id", "plan_id", "host_unit_id", "level", "title", "banner_text", "starts_at", "ends_at", "duration_label",
  "venue", "chair", "expected_attendance", "sort_order")
SELECT m."id", m."plan_id", m."issuer_unit_id",
  nullif(btrim(m."elem"->>'level'), ''),
  coalesce(nullif(btrim(m."elem"->>'title'), ''), m."plan_title"),
  -- The banner as the plan wrote it (section "Tiêu đề Hội nghị"), for the plan's first conference.
  CASE WHEN m."ord" = 1 THEN coalesce((SELECT jsonb_path_query_first(p."sections", 'strict $.** ? (@.heading like_regex "^Tiêu đề" flag "i").text') #>> '{}'
    FROM "plans" p WHERE p."id" = m."plan_id"), '') ELSE '' END,
  CASE WHEN m."day" IS NOT NULL AND coalesce(m."elem"->>'start', m."elem"#>>'{agenda,0,start}') ~ '^\d{2}:\d{2}$'
    THEN (m."day" || ' ' || coalesce(m."elem"->>'start', m."elem"#>>'{agenda,0,start}') || '+07')::timestamptz END,
  -- The end the text writes; else the start plus the written length (src/domain/dates/length.ts conferenceEnd:
  -- ½ ngày / 1/2 ngày / 01 buổi = 4 hours, 01 ngày / 02 buổi = 17:00, N ngày = 17:00 of the N-th day), never
  -- before the agenda's last end. The previous importer filled a missing end with the agenda's last end, so an end
  -- equal to it counts as unwritten (a text writing both "½ ngày" and an end equal to the agenda's is not told apart).
  CASE WHEN m."day" IS NULL THEN NULL
    WHEN m."elem"->>'end' ~ '^\d{2}:\d{2}$'
      AND m."elem"->>'end' IS DISTINCT FROM m."elem"->'agenda'->(jsonb_array_length(m."elem"->'agenda') - 1)->>'end' THEN (m."day" || ' ' || (m."elem"->>'end') || '+07')::timestamptz
    ELSE (SELECT CASE WHEN e."by_length" IS NULL THEN e."agenda_end" ELSE greatest(e."by_length", e."agenda_end") END
      FROM (SELECT
        CASE WHEN l."halves" = 1 AND l."start" IS NOT NULL THEN l."start" + interval '4 hours'
          WHEN l."halves" >= 2 THEN ((m."day")::date + (ceil(l."halves" / 2.0)::int - 1) || ' 17:00+07')::timestamptz END AS "by_length",
        CASE WHEN m."elem"->'agenda'->(jsonb_array_length(m."elem"->'agenda') - 1)->>'end' ~ '^\d{2}:\d{2}$'
          THEN (m."day" || ' ' || (m."elem"->'agenda'->(jsonb_array_length(m."elem"->'agenda') - 1)->>'end') || '+07')::timestamptz END AS "agenda_end"
        FROM (SELECT
          CASE WHEN coalesce(m."elem"->>'start', m."elem"#>>'{agenda,0,start}') ~ '^\d{2}:\d{2}$'
            THEN (m."day" || ' ' || coalesce(m."elem"->>'start', m."elem"#>>'{agenda,0,start}') || '+07')::timestamptz END AS "start",
          (SELECT CASE WHEN d[1] IN ('½', '1/2') THEN 0.5 ELSE d[1]::numeric END * CASE WHEN lower(d[2]) = 'buổi' THEN 1 ELSE 2 END
            FROM regexp_match(coalesce(m."elem"->>'duration', ''), '^\s*(½|1/2|\d{1,2})\s*(ngày|buổi)', 'i') AS d) AS "halves") l) e)
  END,
  nullif(btrim(m."elem"->>'duration'), ''),
  coalesce(m."elem"->>'venue', ''),
  coalesce(m."elem"->>'chair', ''),
  CASE WHEN jsonb_typeof(m."elem"->'expectedAttendance') = 'number' THEN (m."elem"->>'expectedAttendance')::numeric::int END,
  m."ord" - 1
FROM "_kh_conference_map" m;
--> statement-breakpoint
INSERT INTO "conference_delegate_groups" ("conference_id", "name", "dress_code", "sort_order")
SELECT m."id", btrim(g."name" #>> '{}'), coalesce(m."elem"->>'dressCode', ''), g."ord"::int - 1
FROM "_kh_conference_map" m
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m."elem"->'participants') = 'array' THEN m."elem"->'participants' ELSE '[]'::jsonb END)
  WITH ORDINALITY AS g("name", "ord")
WHERE jsonb_typeof(g."name") = 'string' AND btrim(g."name" #>> '{}') <> '';
--> statement-breakpoint
INSERT INTO "conference_agenda_items" ("conference_id", "starts_at", "ends_at", "content", "responsible", "kind", "sort_order")
SELECT m."id",
  CASE WHEN m."day" IS NOT NULL AND a."item"->>'start' ~ '^\d{2}:\d{2}$' THEN (m."day" || ' ' || (a."item"->>'start') || '+07')::timestamptz END,
  CASE WHEN m."day" IS NOT NULL AND a."item"->>'end' ~ '^\d{2}:\d{2}$' THEN (m."day" || ' ' || (a."item"->>'end') || '+07')::timestamptz END,
  coalesce(a."item"->>'item', ''),
  coalesce(a."item"->>'by', ''),
  CASE WHEN btrim(a."item"->>'item') ~* '^tham luận' THEN 'speeches' WHEN btrim(a."item"->>'item') ~* '^khen thưởng' THEN 'awards' ELSE 'item' END,
  a."ord"::int - 1
FROM "_kh_conference_map" m
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m."elem"->'agenda') = 'array' THEN m."elem"->'agenda' ELSE '[]'::jsonb END)
  WITH ORDINALITY AS a("item", "ord")
WHERE jsonb_typeof(a."item") = 'object';
--> statement-breakpoint
INSERT INTO "conference_speeches" ("conference_id", "topic", "unit_id", "unit_name", "running_order")
SELECT m."id", coalesce(s."speech"->>'topic', ''),
  (SELECT u."id" FROM "units" u WHERE u."id"::text = s."speech"->>'unitId'),
  coalesce(s."speech"->>'unit', ''),
  CASE WHEN jsonb_typeof(s."speech"->'no') = 'number' THEN (s."speech"->>'no')::numeric::int ELSE s."ord"::int END
FROM "plans" p
JOIN "_kh_conference_map" m ON m."plan_id" = p."id" AND m."ord" = (SELECT min(x."ord") FROM "_kh_conference_map" x WHERE x."plan_id" = p."id")
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p."speeches") = 'array' THEN p."speeches" ELSE '[]'::jsonb END)
  WITH ORDINALITY AS s("speech", "ord")
WHERE jsonb_typeof(s."speech") = 'object';
--> statement-breakpoint
DROP TABLE IF EXISTS "_kh_conference_map";
--> statement-breakpoint
ALTER TABLE "plans" DROP COLUMN "conferences";--> statement-breakpoint
ALTER TABLE "plans" DROP COLUMN "speeches";
