-- Indexes for the leadership aggregates of the largest schools (issue 7: the leadership page, docs/benchmarks.md).
--
-- Both the cooperation activity (014, app_leadership.activity) and the Berichtsheft figure (011,
-- app_leadership.record_book) read the signed weeks of every apprentice of a school's classes: tens of thousands
-- of rows for a large school, each a heap visit to check the status. The partial index holds exactly the signed
-- weeks with the two columns they need, so both read it alone (index-only). Measured at Hessen scale, largest
-- school: cooperations 111 -> 70 ms, record_book 57 -> 40 ms.
create index record_weeks_signed_idx on public.record_weeks (apprentice_id, week_start) include (decided_at)
  where status = 'unterschrieben';

-- Shared materials as activity (015, app_leadership.shared_materials): by school and time, not by whole school
-- (a bitmap over every material of the school), and later versions by time (few of them).
create index materials_school_created_idx on public.materials (school_id, created_at);
create index material_versions_later_idx on public.material_versions (created_at) where number > 1;
