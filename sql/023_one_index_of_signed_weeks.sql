-- One index of the signed Berichtsheft weeks by apprentice and week instead of two (issue 7).
--
-- 011 created record_weeks_signed_week_idx (apprentice_id, week_start) where signed; 019 added
-- record_weeks_signed_idx with the same key and predicate that also includes decided_at, so every query that could
-- use the first can use the second (index-only as well). The first only cost space (284 MB at Hessen scale) and an
-- index insert for every signed week.
drop index public.record_weeks_signed_week_idx;
