-- One open case per risk flag.
--
-- Two users (or one double click) could open a case on the same flag twice; both cases then collected half of
-- the comments and measures. A partial unique index makes the second insert fail whatever the timing: the
-- application turns the violation into a German message and shows the case that is already open. Closed cases
-- ("erledigt") stay out of the index, so a flag that fires again after a case was closed can get a new one.

-- Earlier duplicates (possible before this migration) keep their history; only the younger ones lose the link to
-- the flag, as if they had been opened by hand.
update public.risk_cases c set flag_id = null
where c.status <> 'erledigt' and c.flag_id is not null
  and exists (select 1 from public.risk_cases o
              where o.flag_id = c.flag_id and o.status <> 'erledigt' and (o.opened_at, o.id) < (c.opened_at, c.id));

create unique index risk_cases_one_open_per_flag on public.risk_cases (flag_id) where status <> 'erledigt';
