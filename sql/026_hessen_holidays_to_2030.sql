-- Hessen's school holidays as fixed in 2023, through the summer of 2030 (MISSION.md): 009 ended with the summer of
-- 2027, after which every timeline, conflict check and absence rate would silently have lost its holidays.
insert into public.school_holidays (state, name, starts_on, ends_on) values
  ('Hessen', 'Herbstferien', '2027-10-04', '2027-10-16'),
  ('Hessen', 'Weihnachtsferien', '2027-12-23', '2028-01-11'),
  ('Hessen', 'Osterferien', '2028-04-03', '2028-04-14'),
  ('Hessen', 'Sommerferien', '2028-07-03', '2028-08-11'),
  ('Hessen', 'Herbstferien', '2028-10-09', '2028-10-20'),
  ('Hessen', 'Weihnachtsferien', '2028-12-27', '2029-01-12'),
  ('Hessen', 'Osterferien', '2029-03-29', '2029-04-13'),
  ('Hessen', 'Sommerferien', '2029-07-16', '2029-08-24'),
  ('Hessen', 'Herbstferien', '2029-10-15', '2029-10-26'),
  ('Hessen', 'Weihnachtsferien', '2029-12-24', '2030-01-11'),
  ('Hessen', 'Osterferien', '2030-04-08', '2030-04-22'),
  ('Hessen', 'Sommerferien', '2030-07-22', '2030-08-30')
on conflict (state, starts_on) do nothing;
