-- leokop: the schema as the migrations in sql/ leave it (generated; do not edit).
-- Regenerate after adding a migration: `python -m leokop db schema --write` (tests/db/test_schema_file.py compares it).
-- Schemas: public, app_private, app_auth, app_leadership. Owners are left out; grants, row-level security and policies are in.

--
-- PostgreSQL database dump
--

--
-- Name: app_auth; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_auth;

--
-- Name: app_leadership; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_leadership;

--
-- Name: app_private; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_private;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA public;

--
-- Name: SCHEMA public; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA public IS 'standard public schema';

--
-- Name: selected_class; Type: TYPE; Schema: app_leadership; Owner: -
--

CREATE TYPE app_leadership.selected_class AS (
	school_id uuid,
	class_id uuid,
	class_name text,
	occupation_id uuid,
	occupation text,
	training_year integer,
	apprentices integer,
	shown boolean
);

--
-- Name: app_role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.app_role AS ENUM (
    'lehrkraft',
    'ausbilder',
    'schulleitung',
    'admin'
);

--
-- Name: apprentice_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.apprentice_status AS ENUM (
    'aktiv',
    'geloest',
    'abgeschlossen'
);

--
-- Name: case_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.case_status AS ENUM (
    'offen',
    'in_bearbeitung',
    'erledigt'
);

--
-- Name: class_schedule; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.class_schedule AS ENUM (
    'blockunterricht',
    'teilzeitunterricht'
);

--
-- Name: exam_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.exam_kind AS ENUM (
    'zwischenpruefung',
    'abschluss_teil1',
    'abschluss_teil2'
);

--
-- Name: excuse_state; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.excuse_state AS ENUM (
    'keiner',
    'vorgeschlagen',
    'angenommen',
    'abgelehnt'
);

--
-- Name: learning_place; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.learning_place AS ENUM (
    'schule',
    'betrieb'
);

--
-- Name: lf_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.lf_status AS ENUM (
    'nicht_begonnen',
    'laufend',
    'abgeschlossen'
);

--
-- Name: material_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.material_kind AS ENUM (
    'link',
    'pdf',
    'dokument',
    'tabelle',
    'praesentation',
    'bild',
    'text'
);

--
-- Name: material_scope; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.material_scope AS ENUM (
    'kooperation',
    'klasse',
    'beruf_schule'
);

--
-- Name: measure_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.measure_kind AS ENUM (
    'gespraech_azubi',
    'foerderunterricht',
    'gespraech_betrieb_schule',
    'quabb',
    'assistierte_ausbildung',
    'sonstiges'
);

--
-- Name: project_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.project_status AS ENUM (
    'geplant',
    'laufend',
    'abgeschlossen',
    'abgebrochen'
);

--
-- Name: record_week_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.record_week_status AS ENUM (
    'eingereicht',
    'unterschrieben',
    'zurueckgegeben'
);

--
-- Name: calendar_feed_owner(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.calendar_feed_owner(p_token_sha256 text) RETURNS TABLE(feed_id uuid, user_id uuid, with_names boolean, content_etag text, content_changed_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select f.id, f.user_id, f.with_names, f.content_etag, f.content_changed_at
  from public.calendar_feeds f
  join public.app_users u on u.id = f.user_id
  where f.token_sha256 = p_token_sha256 and f.revoked_at is null and u.active
$$;

--
-- Name: calendar_feed_served(text, text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.calendar_feed_served(p_token_sha256 text, p_etag text) RETURNS timestamp with time zone
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.calendar_feeds f
  set content_etag = p_etag,
      content_changed_at = case when f.content_etag is distinct from p_etag or f.content_changed_at is null
                                then now() else f.content_changed_at end
  where f.token_sha256 = p_token_sha256 and f.revoked_at is null
  returning f.content_changed_at
$$;

--
-- Name: invitation_accept(text, text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.invitation_accept(p_token_sha256 text, p_password_hash text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_user uuid;
begin
  update public.invitations i set ended_at = now(), end_reason = 'angenommen'
  where i.token_sha256 = p_token_sha256 and i.ended_at is null and i.valid_until > now()
    and not exists (select 1 from public.user_credentials c where c.user_id = i.user_id)
  returning i.user_id into v_user;
  if v_user is null then
    return null;
  end if;
  insert into public.user_credentials (user_id, password_hash, must_change) values (v_user, p_password_hash, false);
  update public.app_users set active = true where id = v_user;
  return v_user;
end
$$;

--
-- Name: invitation_lookup(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.invitation_lookup(p_token_sha256 text) RETURNS TABLE(user_id uuid, username text, display_name text, email text, schools text[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select u.id, u.username, u.display_name, u.email,
         array(select distinct s.name from public.memberships m join public.schools s on s.id = m.school_id
               where m.user_id = u.id and m.active order by 1)
  from public.invitations i join public.app_users u on u.id = i.user_id
  where i.token_sha256 = p_token_sha256 and i.ended_at is null and i.valid_until > now()
    and not exists (select 1 from public.user_credentials c where c.user_id = u.id)
$$;

--
-- Name: login_client_allowed(text, integer); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.login_client_allowed(p_client_sha256 text, p_limit integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select (select count(*) from public.auth_requests r
          where r.kind = 'anmeldung' and r.client_sha256 = p_client_sha256
            and r.at > now() - interval '1 hour') < greatest(p_limit, 1)
$$;

--
-- Name: login_client_failed(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.login_client_failed(p_client_sha256 text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  delete from public.auth_requests where at < now() - interval '1 day';
  insert into public.auth_requests (kind, client_sha256) values ('anmeldung', p_client_sha256);
$$;

--
-- Name: login_record(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.login_record(p_username text) RETURNS TABLE(user_id uuid, username text, display_name text, email text, password_hash text, locked_until timestamp with time zone, must_change boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select u.id, u.username, u.display_name, u.email, c.password_hash,
         case when c.locked_until > now() then c.locked_until end, c.must_change
  from public.app_users u
  join public.user_credentials c on c.user_id = u.id
  where u.username = lower(btrim(p_username)) and u.active
$$;

--
-- Name: password_login_refused(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.password_login_refused(p_username text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.app_users u
    join public.memberships m on m.user_id = u.id and m.active and m.role in ('lehrkraft', 'schulleitung')
    join public.school_sign_in_settings s on s.school_id = m.school_id and s.sso_required
    where u.username = lower(btrim(p_username))
      and not exists (select 1 from public.memberships a where a.user_id = u.id and a.active and a.role = 'admin'))
$$;

--
-- Name: password_reset_lookup(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.password_reset_lookup(p_token_sha256 text) RETURNS TABLE(user_id uuid, username text, display_name text, email text, schools text[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select u.id, u.username, u.display_name, u.email,
         array(select distinct s.name from public.memberships m join public.schools s on s.id = m.school_id
               where m.user_id = u.id and m.active order by 1)
  from public.password_resets r join public.app_users u on u.id = r.user_id
  where r.token_sha256 = p_token_sha256 and r.used_at is null and r.valid_until > now() and u.active
$$;

--
-- Name: password_reset_request(text, text, text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.password_reset_request(p_login text, p_token_sha256 text, p_client_sha256 text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_user uuid;
  v_email text;
begin
  select u.id, u.email into v_user, v_email
  from public.app_users u join public.user_credentials c on c.user_id = u.id
  where u.active and u.email is not null
    and (u.username = lower(btrim(p_login))
         or (lower(u.email) = lower(btrim(p_login))
             and (select count(*) from public.app_users x where lower(x.email) = lower(btrim(p_login))) = 1))
  limit 1;
  if not app_private.auth_request_allowed('passwort', v_user, p_client_sha256, 3, 10) or v_user is null then
    return null;
  end if;
  delete from public.password_resets where created_at < now() - interval '1 day';
  update public.password_resets set used_at = now() where user_id = v_user and used_at is null;
  insert into public.password_resets (user_id, token_sha256, valid_until)
  values (v_user, p_token_sha256, now() + interval '1 hour');
  return v_email;
end
$$;

--
-- Name: password_reset_use(text, text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.password_reset_use(p_token_sha256 text, p_password_hash text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_user uuid;
begin
  update public.password_resets r set used_at = now()
  where r.token_sha256 = p_token_sha256 and r.used_at is null and r.valid_until > now()
    and exists (select 1 from public.app_users u where u.id = r.user_id and u.active)
  returning r.user_id into v_user;
  if v_user is null then
    return null;
  end if;
  update public.user_credentials
  set password_hash = p_password_hash, password_changed_at = now(), failed_attempts = 0, locked_until = null,
      must_change = false
  where user_id = v_user;
  return v_user;
end
$$;

--
-- Name: record_login_attempt(text, boolean); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.record_login_attempt(p_username text, p_success boolean) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_locked timestamptz;
begin
  if p_success then
    update public.user_credentials c set failed_attempts = 0, locked_until = null
    from public.app_users u
    where u.id = c.user_id and u.username = lower(btrim(p_username));
    return null;
  end if;
  update public.user_credentials c
  set failed_attempts = case when c.failed_attempts + 1 >= 5 then 0 else c.failed_attempts + 1 end,
      locked_until = case when c.failed_attempts + 1 >= 5 then now() + interval '15 minutes' end
  from public.app_users u
  where u.id = c.user_id and u.username = lower(btrim(p_username))
    and (c.locked_until is null or c.locked_until <= now())
  returning c.locked_until into v_locked;
  return v_locked;
end
$$;

--
-- Name: session_check(uuid); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.session_check(p_session_id uuid) RETURNS TABLE(user_id uuid, claimed boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_user uuid := app_private.session_open(p_session_id);
begin
  if v_user is not null then
    return query select v_user, s.token_sha256 is not null from public.user_sessions s where s.id = p_session_id;
  end if;
end
$$;

--
-- Name: session_claim(text, text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.session_claim(p_handoff_sha256 text, p_token_sha256 text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.user_sessions
  set token_sha256 = p_token_sha256, handoff_sha256 = null, handoff_until = null
  where handoff_sha256 = p_handoff_sha256 and handoff_until > now() and token_sha256 is null and ended_at is null
  returning true
$$;

--
-- Name: session_end_by_token(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.session_end_by_token(p_token_sha256 text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.user_sessions set ended_at = now(), end_reason = 'abgemeldet'
  where token_sha256 = p_token_sha256 and ended_at is null
  returning true
$$;

--
-- Name: session_resume(text); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.session_resume(p_token_sha256 text) RETURNS TABLE(session_id uuid, user_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
  v_user uuid;
begin
  select s.id into v_id from public.user_sessions s where s.token_sha256 = p_token_sha256 and s.ended_at is null;
  v_user := app_private.session_open(v_id);
  if v_user is not null then
    return query select v_id, v_user;
  end if;
end
$$;

--
-- Name: sso_link_invitation(text, text, text, text, timestamp with time zone); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.sso_link_invitation(p_token_sha256 text, p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_user uuid;
begin
  select i.user_id into v_user from public.invitations i
  where i.token_sha256 = p_token_sha256 and i.ended_at is null and i.valid_until > now()
    and not exists (select 1 from public.user_credentials c where c.user_id = i.user_id);
  if v_user is null
     or exists (select 1 from public.user_identities x where x.issuer = p_issuer and x.subject = p_subject)
     or not app_private.sso_fresh(p_once_sha256, p_issued_at) then
    return null;
  end if;
  update public.invitations set ended_at = now(), end_reason = 'angenommen'
  where token_sha256 = p_token_sha256 and ended_at is null;
  insert into public.user_identities (issuer, subject, user_id, linked_by, last_used)
  values (p_issuer, p_subject, v_user, 'einladung', now());
  update public.app_users set active = true where id = v_user;
  return v_user;
end
$$;

--
-- Name: sso_sign_in(text, text, text, timestamp with time zone, text, boolean); Type: FUNCTION; Schema: app_auth; Owner: -
--

CREATE FUNCTION app_auth.sso_sign_in(p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone, p_email text, p_email_verified boolean) RETURNS TABLE(user_id uuid, outcome text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_user uuid := app_private.sso_account(p_issuer, p_subject);
  v_outcome text := 'angemeldet';
begin
  if v_user is null and not exists (select 1 from public.user_identities i
                                    where i.issuer = p_issuer and i.subject = p_subject) then
    if p_email_verified is true and coalesce(btrim(p_email), '') <> ''
       and (select count(*) from public.app_users x where lower(x.email) = lower(btrim(p_email))) = 1 then
      select u.id into v_user from public.app_users u
      where lower(u.email) = lower(btrim(p_email)) and u.active
        and exists (select 1 from public.memberships m where m.user_id = u.id and m.active)
        and not exists (select 1 from public.user_identities i where i.user_id = u.id and i.issuer = p_issuer);
    end if;
    v_outcome := 'verknuepft';
  end if;
  if v_user is null then
    return query select null::uuid, 'kein_konto';
    return;
  end if;
  if not app_private.sso_fresh(p_once_sha256, p_issued_at) then
    return query select null::uuid, 'abgelaufen';
    return;
  end if;
  if v_outcome = 'verknuepft' then
    insert into public.user_identities (issuer, subject, user_id, linked_by, last_used)
    values (p_issuer, p_subject, v_user, 'email', now());
  else
    update public.user_identities i set last_used = now() where i.issuer = p_issuer and i.subject = p_subject;
  end if;
  return query select v_user, v_outcome;
end
$$;

--
-- Name: absences(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.absences(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, class_name text, month date, apprentice_months integer, absence_days integer, unexcused_days integer, days_per_apprentice numeric, unexcused_per_apprentice numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  cohort as materialized (
    select h.* from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  months as (
    select m::date as month, (m + interval '1 month' - interval '1 day')::date as last_day
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  ),
  -- class x month cells: apprentices under contract, absence days, unexcused ones, aggregated directly (no row
  -- per apprentice is kept, so that a whole state stays cheap)
  enrolled as materialized (
    select h.class_id, mo.month, count(*) as n
    from cohort h join months mo on h.contract_start <= mo.last_day and h.until >= mo.month
    group by h.class_id, mo.month
  ),
  days as materialized (
    select h.class_id, date_trunc('month', a.absence_date::timestamp)::date as month, count(*) as days,
           count(*) filter (where not a.excused) as unexcused
    from cohort h
    join public.absences a on a.apprentice_id = h.apprentice_id
     and a.absence_date between greatest(h.sy_start, h.contract_start) and h.until
    group by h.class_id, date_trunc('month', a.absence_date::timestamp)
  ),
  cells as materialized (
    select e.class_id, e.month, e.n, coalesce(d.days, 0) as days, coalesce(d.unexcused, 0) as unexcused
    from enrolled e left join days d on d.class_id = e.class_id and d.month = e.month
  ),
  sums as (
    select case when grouping(c.class_id) = 0 and grouping(c.month) = 0 then 'klasse_monat'
                when grouping(c.class_id) = 0 then 'klasse'
                when grouping(c.month) = 0 then 'monat' else 'gesamt' end as dimension,
           c.class_id, c.month, sum(c.n)::int as n, sum(c.days)::int as days,
           sum(c.unexcused)::int as unexcused
    from cells c
    where c.n >= 5
    group by grouping sets ((c.class_id, c.month), (c.class_id), (c.month), ())
  )
  select u.dimension, u.class_name, u.month, u.n, u.days, u.unexcused,
         round(u.days::numeric / nullif(u.n, 0), 2), round(u.unexcused::numeric / nullif(u.n, 0), 2)
  from (
    select x.dimension, s.class_name, x.month, x.n, x.days, x.unexcused
    from sums x left join sel s on s.class_id = x.class_id
    where not (x.dimension = 'gesamt' and x.n is null)
    union all  -- hidden cells of shown classes
    select 'klasse_monat', s.class_name, c.month, null::int, null::int, null::int
    from cells c join sel s on s.class_id = c.class_id where c.n < 5
    union all  -- hidden classes, and shown classes without a shown cell
    select 'klasse', s.class_name, null::date, null::int, null::int, null::int
    from sel s where not exists (select 1 from cells c where c.class_id = s.class_id and c.n >= 5)
  ) u
  order by 1, 2 nulls first, 3 nulls first;
end
$$;

--
-- Name: activity(uuid[], integer, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.activity(p_class_ids uuid[], p_year integer, p_from timestamp with time zone, p_to timestamp with time zone) RETURNS TABLE(school_id uuid, company_id uuid, kind text, month date, last_at timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
begin
  return query
  with cohort as materialized (
    select h.* from app_leadership.cohort_of_classes(p_class_ids, p_year) h
  ),
  pairs as materialized (
    select distinct h.school_id, h.company_id from cohort h
  )
  select h.school_id, h.company_id, 'note', date_trunc('month', n.created_at)::date, max(n.created_at)
  from cohort h join public.notes n on n.apprentice_id = h.apprentice_id
  where n.created_at >= p_from and n.created_at < p_to
  group by 1, 2, 3, 4
  union all
  select h.school_id, h.company_id, 'grade', date_trunc('month', g.recorded_at)::date, max(g.recorded_at)
  from cohort h join public.lf_grade_history g on g.apprentice_id = h.apprentice_id
  where g.recorded_at >= p_from and g.recorded_at < p_to
  group by 1, 2, 3, 4
  union all
  select h.school_id, h.company_id, 'record_book', date_trunc('month', rw.decided_at)::date, max(rw.decided_at)
  from cohort h join public.record_weeks rw on rw.apprentice_id = h.apprentice_id
  where rw.status = 'unterschrieben' and rw.decided_at >= p_from and rw.decided_at < p_to
  group by 1, 2, 3, 4
  union all
  select h.school_id, h.company_id, 'case_comment', date_trunc('month', cc.created_at)::date, max(cc.created_at)
  from cohort h
  join public.risk_cases c on c.apprentice_id = h.apprentice_id
  join public.case_comments cc on cc.case_id = c.id
  where cc.created_at >= p_from and cc.created_at < p_to
  group by 1, 2, 3, 4
  union all
  select m.school_id, m.company_id, 'material', date_trunc('month', m.shared_at)::date, max(m.shared_at)
  from app_leadership.shared_materials(array(select distinct p.school_id from pairs p), p_from, p_to) m
  where (m.school_id, m.company_id) in (select p.school_id, p.company_id from pairs p)
  group by 1, 2, 3, 4;
end
$$;

--
-- Name: cases(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.cases(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, label text, month date, opened integer, closed integer, open_at_end integer, median_days_to_close numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
  v_start timestamptz := make_date(p_year, 8, 1);
  v_end timestamptz := least(app_private.today(), make_date(p_year + 1, 7, 31)) + 1;
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  cases as materialized (
    select h.class_id, c.opened_at, c.closed_at,
           c.opened_at >= v_start and c.opened_at < v_end as opened,
           c.closed_at >= v_start and c.closed_at < v_end as closed,
           c.opened_at < v_end and (c.closed_at is null or c.closed_at >= v_end) as open_at_end,
           extract(epoch from c.closed_at - c.opened_at) / 86400 as days
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    join public.risk_cases c on c.apprentice_id = h.apprentice_id
    where c.opened_at < v_end and (c.closed_at is null or c.closed_at >= v_start)
  ),
  months as (
    select m::date as month
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  ),
  -- each case once per month it was opened in and once per month it was closed in
  by_month as (
    select date_trunc('month', c.opened_at)::date as month, 1 as opened, 0 as closed, null::numeric as days
    from cases c where c.opened
    union all
    select date_trunc('month', c.closed_at)::date, 0, 1, c.days from cases c where c.closed
  )
  select u.dimension, u.label, u.month, u.opened::int, u.closed::int, u.open_at_end::int,
         case when u.closed >= 5 then round(u.median::numeric, 1) end
  from (
    select case when grouping(s.class_id) = 0 then 'klasse' when grouping(s.occupation) = 0 then 'beruf'
                else 'gesamt' end as dimension,
           coalesce(s.class_name, s.occupation, 'Alle') as label, null::date as month,
           count(*) filter (where c.opened) as opened, count(*) filter (where c.closed) as closed,
           count(*) filter (where c.open_at_end) as open_at_end,
           percentile_cont(0.5) within group (order by c.days) filter (where c.closed) as median
    from sel s
    left join cases c on c.class_id = s.class_id
    where s.shown
    group by grouping sets ((s.occupation, s.class_id, s.class_name), (s.occupation), ())
    having count(*) > 0
    union all
    select 'klasse', s.class_name, null, null, null, null, null from sel s where not s.shown
    union all
    select distinct 'beruf', s.occupation, null::date, null::bigint, null::bigint, null::bigint, null::float8
    from sel s where not exists (select 1 from sel x where x.occupation = s.occupation and x.shown)
    union all
    select 'monat', null, mo.month, coalesce(sum(b.opened), 0), coalesce(sum(b.closed), 0), null,
           percentile_cont(0.5) within group (order by b.days)
    from months mo left join by_month b on b.month = mo.month
    where cardinality(v_shown) > 0
    group by mo.month
  ) u
  order by case u.dimension when 'gesamt' then 0 when 'beruf' then 1 when 'klasse' then 2 else 3 end, u.label,
           u.month;
end
$$;

--
-- Name: classes(uuid[], integer); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.classes(p_school_ids uuid[], p_year integer) RETURNS TABLE(school_id uuid, class_id uuid, occupation_id uuid, training_year integer, apprentices integer, shown boolean)
    LANGUAGE plpgsql STABLE ROWS 100
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
declare
  v_key text := p_year::text || '/' || array_to_string(p_school_ids, ',');
  v_rows jsonb := app_private.kept('leokop.leadership_classes', v_key);
begin
  if v_rows is null then
    select app_private.keep('leokop.leadership_classes', v_key, coalesce(jsonb_agg(to_jsonb(c)), '[]'::jsonb))
      into v_rows
    from app_leadership.classes_computed(p_school_ids, p_year) c;
  end if;
  return query
    select x.school_id, x.class_id, x.occupation_id, x.training_year, x.apprentices, x.shown
    from jsonb_to_recordset(v_rows) as x(school_id uuid, class_id uuid, occupation_id uuid, training_year int,
                                         apprentices int, shown boolean);
end
$$;

--
-- Name: classes_computed(uuid[], integer); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.classes_computed(p_school_ids uuid[], p_year integer) RETURNS TABLE(school_id uuid, class_id uuid, occupation_id uuid, training_year integer, apprentices integer, shown boolean)
    LANGUAGE plpgsql STABLE ROWS 100
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
declare
  v_school uuid[];
  v_class uuid[];
  v_occ uuid[];
  v_year int[];
  v_n int[];
  v_hidden boolean[];
  v_pick int[];
  i int;
begin
  -- ordered by size within the school: the first shown member of a relation is its smallest
  select array_agg(x.school_id order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.class_id order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.occupation_id order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.training_year order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.n order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.n < 5 order by x.school_id, x.n, x.name, x.class_id)
    into v_school, v_class, v_occ, v_year, v_n, v_hidden
  from (
    select c.school_id, c.class_id, k.occupation_id, p_year - k.start_year + 1 as training_year,
           count(*)::int as n, k.name
    from app_leadership.cohort(p_school_ids, p_year) c
    join public.classes k on k.id = c.class_id
    group by c.school_id, c.class_id, k.occupation_id, k.start_year, k.name
  ) x;
  if v_class is null then
    return;
  end if;
  loop
    -- a relation (the school, an occupation, a training year) whose hidden classes are fewer than two or hold
    -- fewer than 5 apprentices together, while it still has shown ones, gets its smallest shown class hidden;
    -- one class per school and round, the most specific relation first, so that nothing is hidden needlessly
    select array_agg(p.pick) into v_pick
    from (
      select distinct on (v.school_id) v.pick
      from (
        select m.school_id, r.rank, (array_agg(m.i order by m.i) filter (where not m.hidden))[1] as pick
        from (
          select s.i, v_school[s.i] as school_id, v_occ[s.i] as occupation_id, v_year[s.i] as training_year,
                 v_n[s.i] as n, v_hidden[s.i] as hidden
          from generate_subscripts(v_class, 1) as s(i)
        ) m
        cross join lateral (values (3, 'school'), (1, 'occupation:' || m.occupation_id::text),
                                   (2, 'year:' || m.training_year::text)) r(rank, relation)
        group by m.school_id, r.rank, r.relation
        having count(*) filter (where m.hidden) > 0
           and (count(*) filter (where m.hidden) < 2 or sum(m.n) filter (where m.hidden) < 5)
           and count(*) filter (where not m.hidden) > 0
      ) v
      order by v.school_id, v.rank, v.pick
    ) p;
    exit when v_pick is null;
    foreach i in array v_pick loop
      v_hidden[i] := true;
    end loop;
  end loop;
  return query
    select v_school[s.i], v_class[s.i], v_occ[s.i], v_year[s.i], v_n[s.i], not v_hidden[s.i]
    from generate_subscripts(v_class, 1) as s(i);
end
$$;

--
-- Name: cohort(uuid[], integer); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.cohort(p_school_ids uuid[], p_year integer) RETURNS TABLE(apprentice_id uuid, school_id uuid, class_id uuid, company_id uuid, occupation_id uuid, contract_start date, until date, probation_end date, dissolved_on date, sy_start date, ref_day date)
    LANGUAGE sql STABLE
    AS $$
  select a.id, a.school_id, a.class_id, a.company_id, a.occupation_id, a.contract_start,
         least(coalesce(a.dissolved_on, a.contract_end), w.ref_day), a.probation_end, a.dissolved_on,
         w.sy_start, w.ref_day
  from app_leadership.window_of(p_year) w
  join public.apprentices a on a.school_id = any (p_school_ids)
  where a.contract_start <= w.ref_day
    and coalesce(a.dissolved_on, a.contract_end) >= w.sy_start
$$;

--
-- Name: cohort_of_classes(uuid[], integer); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.cohort_of_classes(p_class_ids uuid[], p_year integer) RETURNS TABLE(apprentice_id uuid, school_id uuid, class_id uuid, company_id uuid, occupation_id uuid, contract_start date, until date, probation_end date, dissolved_on date, sy_start date, ref_day date)
    LANGUAGE sql STABLE
    AS $$
  select a.id, a.school_id, a.class_id, a.company_id, a.occupation_id, a.contract_start,
         least(coalesce(a.dissolved_on, a.contract_end), w.ref_day), a.probation_end, a.dissolved_on,
         w.sy_start, w.ref_day
  from app_leadership.window_of(p_year) w
  join public.apprentices a on a.class_id = any (p_class_ids)
  where a.contract_start <= w.ref_day
    and coalesce(a.dissolved_on, a.contract_end) >= w.sy_start
$$;

--
-- Name: cooperations(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.cooperations(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, month date, cooperations integer, active integer, by_notes integer, by_grades integer, by_record_book integer, by_case_comments integer, by_materials integer)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_shown uuid[] := array(select s.class_id from app_leadership.selected(p_school_ids, p_year, p_occupation_id,
                                                                          p_class_id) s where s.shown);
  v_start timestamptz := make_date(p_year, 8, 1);
  v_end timestamptz := least(app_private.today(), make_date(p_year + 1, 7, 31)) + 1;
  v_recent timestamptz := least(app_private.today(), make_date(p_year + 1, 7, 31)) - 29;
begin
  return query
  with cohort as materialized (
    select h.school_id, h.company_id, h.contract_start, h.until
    from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  events as materialized (
    select e.school_id, e.company_id, e.kind, e.month, e.last_at >= v_recent as recent
    from app_leadership.activity(v_shown, p_year, v_start, v_end) e
  ),
  months as (
    select m::date as month, (m + interval '1 month' - interval '1 day')::date as last_day
    from generate_series(v_start::date::timestamp, date_trunc('month', (v_end::date - 1)::timestamp),
                         interval '1 month') m
  ),
  -- one row per pair and month: under contract (an apprentice of the pair), active (any activity)
  pair_months as (
    select x.school_id, x.company_id, x.month, bool_or(x.enrolled) as enrolled, bool_or(x.active) as active
    from (
      select distinct h.school_id, h.company_id, mo.month, true as enrolled, false as active
      from cohort h join months mo on h.contract_start <= mo.last_day and h.until >= mo.month
      union all
      select distinct e.school_id, e.company_id, e.month, false, true from events e
    ) x
    group by x.school_id, x.company_id, x.month
  ),
  recent as (
    select e.school_id, e.company_id,
           bool_or(e.kind = 'note' and e.recent) as note, bool_or(e.kind = 'grade' and e.recent) as grade,
           bool_or(e.kind = 'record_book' and e.recent) as record_book,
           bool_or(e.kind = 'case_comment' and e.recent) as case_comment,
           bool_or(e.kind = 'material' and e.recent) as material
    from events e
    group by e.school_id, e.company_id
  ),
  pairs as (
    select p.school_id, p.company_id, coalesce(r.note, false) as note, coalesce(r.grade, false) as grade,
           coalesce(r.record_book, false) as record_book, coalesce(r.case_comment, false) as case_comment,
           coalesce(r.material, false) as material
    from (select distinct h.school_id, h.company_id from cohort h) p
    left join recent r on r.school_id = p.school_id and r.company_id = p.company_id
  )
  select 'gesamt', null::date, count(*)::int,
         count(*) filter (where p.note or p.grade or p.record_book or p.case_comment or p.material)::int,
         count(*) filter (where p.note)::int, count(*) filter (where p.grade)::int,
         count(*) filter (where p.record_book)::int, count(*) filter (where p.case_comment)::int,
         count(*) filter (where p.material)::int
  from pairs p
  union all
  (select 'monat', pm.month, count(*)::int, count(*) filter (where pm.active)::int, null, null, null, null, null
   from pair_months pm where pm.enrolled
   group by pm.month order by pm.month);
end
$$;

--
-- Name: dissolutions(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.dissolutions(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, label text, month date, apprentices integer, dissolved integer, in_probation integer, rate_percent numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  dissolved as materialized (
    select h.class_id, h.dissolved_on, h.dissolved_on <= h.probation_end as in_probation
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    where h.dissolved_on between h.sy_start and h.ref_day
  ),
  per_occupation as (
    select s.occupation, sum(s.apprentices) filter (where s.shown) as n,
           (select count(*) from dissolved d
            where d.class_id in (select x.class_id from sel x where x.occupation = s.occupation)) as dissolved,
           (select count(*) from dissolved d
            where d.in_probation
              and d.class_id in (select x.class_id from sel x where x.occupation = s.occupation)) as in_probation
    from sel s group by s.occupation
  ),
  months as (
    select m::date as month
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  )
  select 'gesamt', 'Alle', null::date, sum(p.n)::int, sum(p.dissolved)::int, sum(p.in_probation)::int,
         round(100.0 * sum(p.dissolved) / nullif(sum(p.n), 0), 1)
  from per_occupation p
  having sum(p.n) is not null
  union all
  (select 'beruf', p.occupation, null::date, p.n::int,
          case when p.n is not null then p.dissolved::int end,
          case when p.n is not null then p.in_probation::int end,
          round(100.0 * p.dissolved / nullif(p.n, 0), 1)
   from per_occupation p
   order by p.occupation)
  union all
  (select 'monat', null, mo.month, null::int,
          count(d.class_id)::int, count(d.class_id) filter (where d.in_probation)::int, null::numeric
   from months mo
   left join dissolved d on date_trunc('month', d.dissolved_on::timestamp)::date = mo.month
   where cardinality(v_shown) > 0
   group by mo.month order by mo.month);
end
$$;

--
-- Name: grades(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.grades(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, occupation text, code text, title text, sort_order integer, graded integer, grade_1 integer, grade_2 integer, grade_3 integer, grade_4 integer, grade_5 integer, grade_6 integer, average numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_shown uuid[] := array(select s.class_id from app_leadership.selected(p_school_ids, p_year, p_occupation_id,
                                                                          p_class_id) s where s.shown);
begin
  return query
  with cohort as materialized (
    select h.* from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  cells as materialized (
    select h.class_id, r.learning_field_id, count(*) as n,
           count(*) filter (where r.grade = 1) as g1, count(*) filter (where r.grade = 2) as g2,
           count(*) filter (where r.grade = 3) as g3, count(*) filter (where r.grade = 4) as g4,
           count(*) filter (where r.grade = 5) as g5, count(*) filter (where r.grade = 6) as g6,
           sum(r.grade) as total
    from cohort h
    join public.lf_results r on r.apprentice_id = h.apprentice_id
    where r.grade is not null and r.graded_on between h.sy_start and h.ref_day
    group by h.class_id, r.learning_field_id
  ),
  per_lf as (
    select c.learning_field_id,
           sum(c.n) filter (where c.n >= 5) as n,
           sum(c.g1) filter (where c.n >= 5) as g1, sum(c.g2) filter (where c.n >= 5) as g2,
           sum(c.g3) filter (where c.n >= 5) as g3, sum(c.g4) filter (where c.n >= 5) as g4,
           sum(c.g5) filter (where c.n >= 5) as g5, sum(c.g6) filter (where c.n >= 5) as g6,
           sum(c.total) filter (where c.n >= 5) as total
    from cells c group by c.learning_field_id
  )
  (select 'lernfeld', o.name, lf.code, lf.title, lf.sort_order, p.n::int, p.g1::int, p.g2::int, p.g3::int,
          p.g4::int, p.g5::int, p.g6::int, round(p.total::numeric / nullif(p.n, 0), 2)
   from per_lf p
   join public.learning_fields lf on lf.id = p.learning_field_id
   join public.occupations o on o.id = lf.occupation_id
   order by o.name, lf.sort_order)
  union all
  select 'gesamt', null, null, null, null, sum(p.n)::int, sum(p.g1)::int, sum(p.g2)::int, sum(p.g3)::int,
         sum(p.g4)::int, sum(p.g5)::int, sum(p.g6)::int, round(sum(p.total)::numeric / nullif(sum(p.n), 0), 2)
  from per_lf p
  having sum(p.n) is not null;
end
$$;

--
-- Name: headcounts(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.headcounts(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, label text, apprentices integer)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET jit TO 'off'
    AS $$
  with sel as materialized (
    select * from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id)
  ),
  unfiltered as (
    select p_occupation_id is null and p_class_id is null as yes
  )
  select 'gesamt', 'Alle',
         case when (select yes from unfiltered) then
                case when sum(s.apprentices) >= 5 then sum(s.apprentices)::int end
              else sum(s.apprentices) filter (where s.shown)::int end
  from sel s
  union all
  select 'ausgeblendet', 'Alle',
         case when sum(s.apprentices) >= 5
              then coalesce(sum(s.apprentices) filter (where not s.shown), 0)::int end
  from sel s having (select yes from unfiltered)
  union all
  (select 'beruf', s.occupation, sum(s.apprentices) filter (where s.shown)::int
   from sel s group by s.occupation order by s.occupation)
  union all
  (select 'ausbildungsjahr', s.training_year || '. Ausbildungsjahr',
          sum(s.apprentices) filter (where s.shown)::int
   from sel s group by s.training_year order by s.training_year)
  union all
  (select 'klasse', s.class_name, case when s.shown then s.apprentices end
   from sel s order by s.class_name)
$$;

--
-- Name: measures(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.measures(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, kind text, measures integer, done integer, cases integer)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_shown uuid[] := array(select s.class_id from app_leadership.selected(p_school_ids, p_year, p_occupation_id,
                                                                          p_class_id) s where s.shown);
  v_start timestamptz := make_date(p_year, 8, 1);
  v_end timestamptz := least(app_private.today(), make_date(p_year + 1, 7, 31)) + 1;
begin
  return query
  with measures as materialized (
    select m.kind::text as kind, m.case_id, m.done_at < v_end as done
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    join public.risk_cases c on c.apprentice_id = h.apprentice_id
    join public.case_measures m on m.case_id = c.id
    where m.created_at >= v_start and m.created_at < v_end
  )
  select u.dimension, u.kind, u.measures::int, u.done::int, u.cases::int
  from (
    select 'art' as dimension, k.kind::text as kind, k.sort, count(m.case_id) as measures,
           count(*) filter (where m.done) as done, count(distinct m.case_id) as cases
    from unnest(enum_range(null::public.measure_kind)) with ordinality k(kind, sort)
    left join measures m on m.kind = k.kind::text
    where cardinality(v_shown) > 0
    group by k.kind, k.sort
    union all
    select 'gesamt', null, 0, count(*), count(*) filter (where m.done), count(distinct m.case_id)
    from measures m
    having cardinality(v_shown) > 0
  ) u
  order by u.dimension desc, u.sort;
end
$$;

--
-- Name: monday_on_or_after(date); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.monday_on_or_after(p_day date) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$ select p_day + (8 - extract(isodow from p_day)::int) % 7 $$;

--
-- Name: monday_on_or_before(date); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.monday_on_or_before(p_day date) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$ select p_day - (extract(isodow from p_day)::int - 1) $$;

--
-- Name: record_book(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.record_book(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, class_name text, month date, apprentices integer, due_weeks integer, signed_weeks integer, completion_percent numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  -- per apprentice the first and the last Monday of a week due in the school year
  bounds as materialized (
    select h.apprentice_id, h.class_id,
           app_leadership.monday_on_or_after(greatest(h.contract_start, h.sy_start)) as first_monday,
           least(app_leadership.monday_on_or_before(h.until - 4),
                 app_leadership.monday_on_or_before(h.ref_day) - 7) as last_monday
    from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  months as (
    select m::date as month, (m + interval '1 month' - interval '1 day')::date as last_day
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  ),
  -- weeks due per apprentice and month (of the Monday), counted, not generated
  due as (
    select b.apprentice_id, b.class_id, mo.month,
           (least(b.last_monday, app_leadership.monday_on_or_before(mo.last_day))
            - greatest(b.first_monday, app_leadership.monday_on_or_after(mo.month))) / 7 + 1 as weeks
    from bounds b
    join months mo on b.first_monday <= mo.last_day and b.last_monday >= mo.month
  ),
  -- class x month cells, aggregated directly: apprentices with a week due, weeks due, weeks signed
  due_cells as materialized (
    select d.class_id, d.month, count(*) filter (where d.weeks > 0) as n, sum(greatest(d.weeks, 0)) as due
    from due d group by d.class_id, d.month
  ),
  signed_cells as materialized (
    select b.class_id, date_trunc('month', rw.week_start::timestamp)::date as month, count(*) as signed
    from bounds b
    join public.record_weeks rw on rw.apprentice_id = b.apprentice_id
     and rw.week_start between b.first_monday and b.last_monday
    where rw.status = 'unterschrieben'
    group by b.class_id, date_trunc('month', rw.week_start::timestamp)
  ),
  cells as materialized (
    select d.class_id, d.month, d.n, d.due, coalesce(g.signed, 0) as signed
    from due_cells d left join signed_cells g on g.class_id = d.class_id and g.month = d.month
    where d.n > 0
  ),
  -- apprentices of a class with a week due in the school year (for the class and total rows)
  class_people as (
    select b.class_id, count(*) as n from bounds b where b.first_monday <= b.last_monday group by b.class_id
  ),
  sums as (
    select case when grouping(c.class_id) = 0 and grouping(c.month) = 0 then 'klasse_monat'
                when grouping(c.class_id) = 0 then 'klasse'
                when grouping(c.month) = 0 then 'monat' else 'gesamt' end as dimension,
           c.class_id, c.month, sum(c.n)::int as n, sum(c.due)::int as due, sum(c.signed)::int as signed
    from cells c
    where c.n >= 5
    group by grouping sets ((c.class_id, c.month), (c.class_id), (c.month), ())
  ),
  people as (  -- classes with a shown cell
    select p.class_id, p.n
    from class_people p
    where exists (select 1 from cells c where c.class_id = p.class_id and c.n >= 5)
  ),
  rows as (
    select x.dimension, s.class_name, x.month,
           case x.dimension when 'klasse' then p.n when 'gesamt' then (select sum(p.n) from people p)
                            else x.n end::int as n,
           x.due, x.signed
    from sums x
    left join sel s on s.class_id = x.class_id
    left join people p on p.class_id = x.class_id
  )
  select u.dimension, u.class_name, u.month, u.n, u.due, u.signed,
         round(100.0 * u.signed / nullif(u.due, 0), 1)
  from (
    select * from rows where not (dimension = 'gesamt' and due is null)
    union all
    select 'klasse_monat', s.class_name, c.month, null::int, null::int, null::int
    from cells c join sel s on s.class_id = c.class_id where c.n < 5
    union all
    select 'klasse', s.class_name, null::date, null::int, null::int, null::int
    from sel s where not exists (select 1 from cells c where c.class_id = s.class_id and c.n >= 5)
  ) u
  order by 1, 2 nulls first, 3 nulls first;
end
$$;

--
-- Name: today(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.today() RETURNS date
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select coalesce(nullif(current_setting('leokop.today', true), '')::date,
                  (pg_catalog.now() at time zone 'Europe/Berlin')::date)
$$;

--
-- Name: school_year_start(date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.school_year_start(p_day date DEFAULT app_private.today()) RETURNS integer
    LANGUAGE sql STABLE
    AS $$ select extract(year from p_day - interval '7 months')::int $$;

--
-- Name: refresh_statewide(integer); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.refresh_statewide(p_year integer DEFAULT public.school_year_start()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    SET jit TO 'off'
    AS $_$
declare
  v_schools uuid[] := array(select s.id from public.schools s order by s.id);
  v_figure text;
  v_rows jsonb;
  v_done int := 0;
begin
  foreach v_figure in array array['headcounts', 'cooperations', 'absences', 'grades', 'record_book',
                                  'dissolutions', 'risks', 'cases', 'measures'] loop
    execute format('select coalesce(jsonb_agg(to_jsonb(f)), ''[]'') from app_leadership.%I($1, $2, null, null) f',
                   v_figure)
      into v_rows using v_schools, p_year;
    insert into app_leadership.statewide_figures (school_year, figure, computed_at, rows)
    values (p_year, v_figure, now(), v_rows)
    on conflict (school_year, figure) do update set computed_at = excluded.computed_at, rows = excluded.rows;
    v_done := v_done + 1;
  end loop;
  return v_done;
end
$_$;

--
-- Name: risks(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.risks(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS TABLE(dimension text, label text, apprentices integer, flagged integer, hinweis integer, warnung integer, kritisch integer, open_flags integer, flagged_percent numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET plan_cache_mode TO 'force_custom_plan'
    SET random_page_cost TO '1.1'
    SET jit TO 'off'
    AS $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
  v_end timestamptz := least(app_private.today(), make_date(p_year + 1, 7, 31)) + 1;
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  current as materialized (
    select h.apprentice_id, h.class_id
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    where h.until >= h.ref_day
  ),
  flagged as materialized (
    select c.apprentice_id, count(*) as flags,
           max(case f.severity when 'kritisch' then 3 when 'warnung' then 2 else 1 end) as level
    from current c
    join public.risk_flags f on f.apprentice_id = c.apprentice_id
    where f.first_seen_at < v_end and (f.cleared_at is null or f.cleared_at >= v_end)
    group by c.apprentice_id
  ),
  -- per class (by id: class names repeat across schools in the state-wide totals)
  cells as materialized (
    select s.class_id, s.class_name, s.occupation, count(*) as n, count(f.apprentice_id) as flagged,
           count(*) filter (where f.level = 1) as l1, count(*) filter (where f.level = 2) as l2,
           count(*) filter (where f.level = 3) as l3, coalesce(sum(f.flags), 0) as flags
    from current c
    join sel s on s.class_id = c.class_id
    left join flagged f on f.apprentice_id = c.apprentice_id
    group by s.class_id, s.class_name, s.occupation
    having count(*) >= 5
  )
  select u.dimension, u.label, u.n::int, u.flagged::int, u.l1::int, u.l2::int, u.l3::int, u.flags::int,
         round(100.0 * u.flagged / nullif(u.n, 0), 1)
  from (
    select case when grouping(c.class_id) = 0 then 'klasse' when grouping(c.occupation) = 0 then 'beruf'
                else 'gesamt' end as dimension,
           coalesce(c.class_name, c.occupation, 'Alle') as label,
           sum(c.n) as n, sum(c.flagged) as flagged, sum(c.l1) as l1, sum(c.l2) as l2, sum(c.l3) as l3,
           sum(c.flags) as flags
    from cells c
    group by grouping sets ((c.occupation, c.class_id, c.class_name), (c.occupation), ())
    union all  -- hidden classes, and shown ones with fewer than 5 under contract on the reference day
    select 'klasse', s.class_name, null, null, null, null, null, null
    from sel s where s.class_id not in (select c.class_id from cells c)
    union all
    select distinct 'beruf', s.occupation, null::numeric, null::numeric, null::numeric, null::numeric,
           null::numeric, null::numeric
    from sel s where s.occupation not in (select c.occupation from cells c)
  ) u
  order by case u.dimension when 'gesamt' then 0 when 'beruf' then 1 else 2 end, u.label;
end
$$;

--
-- Name: selected(uuid[], integer, uuid, uuid); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.selected(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS SETOF app_leadership.selected_class
    LANGUAGE sql STABLE ROWS 100
    SET search_path TO ''
    AS $$
  select c.school_id, c.class_id, k.name, c.occupation_id, o.name, c.training_year, c.apprentices, c.shown
  from app_leadership.classes(p_school_ids, p_year) c
  join public.classes k on k.id = c.class_id
  join public.occupations o on o.id = c.occupation_id
  where (p_occupation_id is null or c.occupation_id = p_occupation_id)
    and (p_class_id is null or c.class_id = p_class_id)
$$;

--
-- Name: shared_materials(uuid[], timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.shared_materials(p_school_ids uuid[], p_from timestamp with time zone, p_to timestamp with time zone) RETURNS TABLE(school_id uuid, company_id uuid, shared_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select c.school_id, c.company_id, m.created_at
  from public.materials m
  join public.cooperations c on c.id = m.cooperation_id
  where m.school_id = any (p_school_ids) and m.created_at >= p_from and m.created_at < p_to
  union all
  select c.school_id, c.company_id, v.created_at
  from public.material_versions v
  join public.materials m on m.id = v.material_id
  join public.cooperations c on c.id = m.cooperation_id
  where m.school_id = any (p_school_ids) and v.number > 1 and v.created_at >= p_from and v.created_at < p_to
$$;

--
-- Name: statewide(integer, boolean); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.statewide(p_year integer DEFAULT public.school_year_start(), p_classes boolean DEFAULT false) RETURNS TABLE(figure text, computed_at timestamp with time zone, rows jsonb)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $_$
  select f.figure, f.computed_at,
         case when p_classes then f.rows
              else jsonb_path_query_array(f.rows, '$[*] ? (@.dimension != "klasse" && @.dimension != "klasse_monat")')
         end
  from app_leadership.statewide_figures f
  where f.school_year = p_year
  order by f.figure
$_$;

--
-- Name: window_of(integer); Type: FUNCTION; Schema: app_leadership; Owner: -
--

CREATE FUNCTION app_leadership.window_of(p_year integer) RETURNS TABLE(sy_start date, ref_day date)
    LANGUAGE sql STABLE
    AS $$
  select make_date(p_year, 8, 1), least(app_private.today(), make_date(p_year + 1, 7, 31))
$$;

--
-- Name: access_set(text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.access_set(p_set text, p_category text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_setting text := 'leokop.' || p_set || '_' || coalesce(p_category, 'all');
  v_key text;
  v_ids jsonb;
  v_categories text[];
  v_name text;
  v_set jsonb;
begin
  if p_set not in ('readable', 'released') then
    raise exception 'unknown access set' using errcode = '22023';
  end if;
  if current_setting('transaction_read_only') = 'on' and coalesce(p_category, 'all') ~ '^[a-z_]{1,40}$' then
    v_key := coalesce((select auth.uid())::text, '-');
    v_ids := app_private.kept(v_setting, v_key);
    if v_ids is not null then
      return v_ids;
    end if;
  end if;
  -- the categories to compute: when keeping, all three of school data at once (and the asked one); else the asked one
  v_categories := array(select distinct c from unnest(
    case when v_key is not null then array['grades', 'absences', 'teacher_notes'] else '{}'::text[] end
    || array[p_category]) c where c is not null);
  -- readable and released sets of those categories and readable_all, from one reading of the sides and one pass of
  -- the release rule over the company side (an unknown category is never released: its readable set is the school
  -- side); each kept under its own setting when keeping
  for v_name, v_set in
    with s as materialized (select * from app_private.my_apprentice_sides()),
    released as materialized (
      select r.apprentice_id, r.category from s
      join app_private.released_categories() r on r.apprentice_id = s.apprentice_id
      where s.side = 'betrieb' and r.category = any (v_categories)
    ),
    k(category) as (select unnest(v_categories))
    select 'released_' || k.category,
           coalesce((select jsonb_agg(r.apprentice_id) from released r where r.category = k.category), '[]')
    from k
    union all
    select 'readable_' || k.category,
           coalesce((select jsonb_agg(distinct u.id)
                     from (select s.apprentice_id as id from s where s.side = 'schule'
                           union all
                           select r.apprentice_id from released r where r.category = k.category) u), '[]')
    from k
    union all
    select 'readable_all', coalesce((select jsonb_agg(distinct s.apprentice_id) from s), '[]')
    union all
    select 'released_all', '[]'  -- no category: nothing is released
  loop
    if v_key is not null then
      perform app_private.keep('leokop.' || v_name, v_key, v_set);
    end if;
    if 'leokop.' || v_name = v_setting then
      v_ids := v_set;
    end if;
  end loop;
  return v_ids;
end
$_$;

--
-- Name: memberships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.memberships (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    role public.app_role NOT NULL,
    school_id uuid NOT NULL,
    class_id uuid,
    company_id uuid,
    cooperation_id uuid,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT memberships_scope_check CHECK (
CASE role
    WHEN 'schulleitung'::public.app_role THEN (num_nonnulls(class_id, company_id, cooperation_id) = 0)
    WHEN 'admin'::public.app_role THEN (num_nonnulls(class_id, company_id, cooperation_id) = 0)
    WHEN 'lehrkraft'::public.app_role THEN ((company_id IS NULL) AND (num_nonnulls(class_id, cooperation_id) = 1))
    WHEN 'ausbilder'::public.app_role THEN ((class_id IS NULL) AND (num_nonnulls(company_id, cooperation_id) = 1))
    ELSE NULL::boolean
END)
);

--
-- Name: active_memberships(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.active_memberships() RETURNS SETOF public.memberships
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 5
    SET search_path TO ''
    AS $$
  select m.*
  from public.memberships m
  join public.app_users u on u.id = m.user_id
  where m.user_id = (select auth.uid()) and m.active and u.active
    and (m.role <> 'ausbilder' or m.school_id in (select app_private.terms_accepted_school_ids()))
$$;

--
-- Name: admin_apprentice_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.admin_apprentice_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 500
    SET search_path TO ''
    AS $$
  select a.id from public.apprentices a where a.school_id in (select app_private.school_ids_with_role('admin'))
$$;

--
-- Name: admin_class_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.admin_class_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 50
    SET search_path TO ''
    AS $$
  select k.id from public.classes k where k.school_id in (select app_private.school_ids_with_role('admin'))
$$;

--
-- Name: admin_company_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.admin_company_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 50
    SET search_path TO ''
    AS $$
  select distinct c.company_id from public.cooperations c
  where c.school_id in (select app_private.school_ids_with_role('admin'))
$$;

--
-- Name: anonymise_apprentice(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.anonymise_apprentice(p_apprentice_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  kept constant text[] := array['lf_results', 'lf_grade_history', 'absences', 'record_weeks', 'notes', 'audit_log',
                                'risk_flags', 'risk_cases', 'case_comments', 'case_measures'];
  l record;
begin
  update public.apprentices
  set first_name = 'Anonymisiert', last_name = 'Anonymisiert',
      birth_date = make_date(extract(year from birth_date)::int, 1, 1), anonymised_at = now()
  where id = p_apprentice_id;
  update public.notes set body = '(gelöscht)' where apprentice_id = p_apprentice_id;
  update public.absences set excuse_comment = null where apprentice_id = p_apprentice_id;
  update public.record_weeks
  set trainer_comment = case when status = 'zurueckgegeben' then '(gelöscht)' end
  where apprentice_id = p_apprentice_id;
  -- the counted facts of risks and cases stay; what was written about the person goes
  update public.risk_flags set reason = '(gelöscht)', evidence = '{}' where apprentice_id = p_apprentice_id;
  update public.risk_cases
  set title = '(gelöscht)', closing_reason = case when closing_reason is not null then '(gelöscht)' end
  where apprentice_id = p_apprentice_id;
  update public.case_comments k set body = '(gelöscht)'
  from public.risk_cases c where c.id = k.case_id and c.apprentice_id = p_apprentice_id;
  update public.case_measures x set description = null
  from public.risk_cases c where c.id = x.case_id and c.apprentice_id = p_apprentice_id;
  -- rows reached through another table first (their foreign keys may not cascade), then the direct ones
  for l in select * from app_private.apprentice_tables() order by parent_table nulls last loop
    continue when l.table_name = any (kept);
    execute format('delete from public.%I t where %s', l.table_name,
                   app_private.apprentice_rows_condition(l.table_name))
      using p_apprentice_id;
  end loop;
  perform app_private.audit_event('purge', p_apprentice_id, 'retention');
end
$$;

--
-- Name: apprentice_rows_condition(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.apprentice_rows_condition(p_table text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
  select string_agg(case when l.parent_table is null then format('t.%I = $1', l.link_column)
                         else format('t.%I in (select p.%I from public.%I p where p.%I = $1)', l.link_column,
                                     l.parent_key, l.parent_table, l.parent_link) end, ' or ')
  from app_private.apprentice_tables() l where l.table_name = p_table
$_$;

--
-- Name: apprentice_tables(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.apprentice_tables() RETURNS TABLE(table_name text, link_column text, parent_table text, parent_key text, parent_link text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with tables as (
    select c.oid, c.relname::text as name from pg_catalog.pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname <> 'apprentices'
  ), direct as (
    select t.oid, t.name, a.attname::text as link from tables t
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attname = 'apprentice_id' and not a.attisdropped
    union
    select t.oid, t.name, a.attname::text from tables t
    join pg_catalog.pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
      and k.confrelid = 'public.apprentices'::regclass and cardinality(k.conkey) = 1
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
  )
  select d.name, d.link, null, null, null from direct d
  union all
  select t.name, a.attname::text, d.name, pa.attname::text, d.link
  from tables t
  join pg_catalog.pg_constraint k on k.conrelid = t.oid and k.contype = 'f' and cardinality(k.conkey) = 1
  join direct d on d.oid = k.confrelid
  join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
  join pg_catalog.pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
  where t.oid not in (select oid from direct)
  order by 1, 2
$$;

--
-- Name: attach_audit_triggers(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.attach_audit_triggers() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  l record;
  n int := 0;
begin
  for l in
    select distinct on (t.table_name) t.* from (
      select * from app_private.apprentice_tables()
      union all select 'apprentices', 'id', null, null, null
      union all select unnest(array['app_users', 'memberships', 'release_settings', 'retention_settings',
                                    'terms_versions', 'terms_acceptances']), null, null, null, null
    ) t
    where t.table_name not in ('audit_log', 'lf_grade_history', 'risk_flags')
    order by t.table_name, t.parent_table nulls first, t.link_column
  loop
    execute format('create or replace trigger %I after insert or update or delete on public.%I for each row'
                   ' when (pg_catalog.current_setting(''role'') <> ''none'') execute function app_private.audit_row(%s)',
                   l.table_name || '_audit', l.table_name,
                   case when l.parent_table is not null
                        then format('%L, %L, %L, %L', l.parent_table, l.link_column, l.parent_key, l.parent_link)
                        when l.link_column is not null then format('%L', l.link_column)
                        else '' end);
    n := n + 1;
  end loop;
  return n;
end
$$;

--
-- Name: audit_event(text, uuid, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.audit_event(p_action text, p_apprentice_id uuid, p_role text DEFAULT NULL::text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id)
  select (select auth.uid()), coalesce(p_role, pg_catalog.current_setting('role')), p_action, 'apprentices',
         a.id::text, a.id, a.school_id
  from public.apprentices a where a.id = p_apprentice_id
  returning true
$$;

--
-- Name: audit_import(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.audit_import() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, school_id)
  values (new.actor_id, case pg_catalog.current_setting('role') when 'none' then 'kommandozeile'
                             else pg_catalog.current_setting('role') end,
          'import', 'import_runs', new.id::text, new.school_id);
  return null;
end
$$;

--
-- Name: audit_log_is_append_only(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;

--
-- Name: audit_row(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.audit_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  rec jsonb;
  apprentice uuid;
  school uuid;
  changed text[];
begin
  if tg_op = 'DELETE' then
    rec := to_jsonb(old);
  else
    rec := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' then
    select array_agg(n.key order by n.key) into changed
    from jsonb_each(rec) n
    where n.value is distinct from (to_jsonb(old) -> n.key) and n.key not in ('version', 'updated_at', 'updated_by');
    if changed is null then
      return null;  -- nothing changed: nothing to record
    end if;
  end if;
  if tg_nargs = 1 then
    apprentice := (rec ->> tg_argv[0])::uuid;
  elsif tg_nargs = 4 then
    -- the link column keeps its own type (the parent's key need not be a uuid)
    execute format('select p.%I from public.%I p where p.%I = (jsonb_populate_record(null::public.%I, $1)).%I',
                   tg_argv[3], tg_argv[0], tg_argv[2], tg_table_name, tg_argv[1])
      into apprentice using rec;
  end if;
  school := coalesce((rec ->> 'school_id')::uuid,
                     (select a.school_id from public.apprentices a where a.id = apprentice));
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id, columns)
  values ((select auth.uid()), pg_catalog.current_setting('role'), lower(tg_op), tg_table_name,
          coalesce(rec ->> 'id', rec ->> 'apprentice_id', rec ->> 'school_id'), apprentice, school, changed);
  return null;
end
$_$;

--
-- Name: auth_request_allowed(text, uuid, text, integer, integer); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.auth_request_allowed(p_kind text, p_account uuid, p_client_sha256 text, p_per_account integer, p_per_client integer) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_allowed boolean;
begin
  delete from public.auth_requests where at < now() - interval '1 day';
  v_allowed := (select count(*) from public.auth_requests r
                where r.kind = p_kind and r.client_sha256 = p_client_sha256
                  and r.at > now() - interval '1 hour') < p_per_client
    and (p_account is null
         or (select count(*) from public.auth_requests r
             where r.kind = p_kind and r.account_id = p_account and r.at > now() - interval '1 hour') < p_per_account);
  insert into public.auth_requests (kind, account_id, client_sha256) values (p_kind, p_account, p_client_sha256);
  return v_allowed;
end
$$;

--
-- Name: change_text(text, text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.change_text(p_label text, p_old text, p_new text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select p_label || ': „' || coalesce(pg_catalog.left(p_old, 120) || case when length(p_old) > 120 then '…' else '' end,
                                      '–')
         || '“ → „' || coalesce(pg_catalog.left(p_new, 120) || case when length(p_new) > 120 then '…' else '' end,
                                '–') || '“'
$$;

--
-- Name: classes_of_my_apprentices(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.classes_of_my_apprentices() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 10
    SET search_path TO ''
    AS $$
  select a.class_id from public.apprentices a where a.id in (select app_private.company_side_apprentice_ids())
  union
  select a.class_id from public.apprentices a where a.id in (select app_private.school_side_apprentice_ids())
$$;

--
-- Name: classes_of_my_pairs(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.classes_of_my_pairs() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 10
    SET search_path TO ''
    AS $$
  select distinct a.class_id from app_private.my_pairs() p
  join public.apprentices a on a.school_id = p.school_id and a.company_id = p.company_id
$$;

--
-- Name: company_side_apprentice_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.company_side_apprentice_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
  select s.apprentice_id from app_private.my_apprentice_sides() s where s.side = 'betrieb'
$$;

--
-- Name: editable_project_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.editable_project_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
    SET search_path TO ''
    AS $$
  select pc.project_id from public.project_cooperations pc
  where pc.cooperation_id in (select app_private.working_cooperation_ids())
  union all
  select p.id from public.projects p where p.created_by = (select auth.uid())
$$;

--
-- Name: end_sessions_on_password_change(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.end_sessions_on_password_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.user_sessions set ended_at = now(), end_reason = 'passwort'
  where user_id = new.user_id and ended_at is null;
  return null;
end
$$;

--
-- Name: forget_old_form_saves(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.forget_old_form_saves() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  delete from public.form_saves f where f.user_id = new.user_id and f.saved_at < now() - interval '1 day';
  return null;
end
$$;

--
-- Name: forget_pupil_id(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.forget_pupil_id() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.anonymised_at is not null then
    new.pupil_id := null;
  end if;
  return new;
end
$$;

--
-- Name: is_admin_anywhere(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_admin_anywhere() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from app_private.school_ids_with_role('admin'))
$$;

--
-- Name: is_released(uuid, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.is_released(p_apprentice_id uuid, p_category text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from app_private.released_apprentice_ids(p_category) r where r = p_apprentice_id)
$$;

--
-- Name: keep(text, text, jsonb); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.keep(p_setting text, p_key text, p_value jsonb) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select p_value from (select set_config(p_setting, p_key || '|' || p_value::text, true)) v
$$;

--
-- Name: kept(text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.kept(p_setting text, p_key text) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select case when starts_with(v.memo, p_key || '|') then substr(v.memo, length(p_key) + 2)::jsonb end
  from (select current_setting(p_setting, true) as memo) v
$$;

--
-- Name: leadership_check(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.leadership_check(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if p_school_id is null or p_school_id not in (select app_private.leadership_school_ids()) then
    raise exception 'leadership figures only for the caller''s own school' using errcode = '42501';
  end if;
  if p_school_year is null or p_school_year < 2000 or p_school_year > public.school_year_start() then
    raise exception 'invalid school year' using errcode = '22023';
  end if;
  if p_occupation_id is not null and not exists (
      select 1 from public.classes k where k.school_id = p_school_id and k.occupation_id = p_occupation_id) then
    raise exception 'invalid occupation' using errcode = '22023';
  end if;
  if p_class_id is not null and not exists (
      select 1 from public.classes k
      where k.id = p_class_id and k.school_id = p_school_id
        and (p_occupation_id is null or k.occupation_id = p_occupation_id)) then
    raise exception 'invalid class' using errcode = '22023';
  end if;
end
$$;

--
-- Name: leadership_school_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.leadership_school_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 2
    SET search_path TO ''
    AS $$
  select app_private.school_ids_with_role('schulleitung')
  union
  select app_private.school_ids_with_role('admin')
$$;

--
-- Name: learning_place_text(public.learning_place); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.learning_place_text(p_place public.learning_place) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case p_place when 'schule' then 'Schule' when 'betrieb' then 'Betrieb' else 'beide Lernorte' end
$$;

--
-- Name: managed_user_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.managed_user_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 50
    SET search_path TO ''
    AS $$
  select distinct m.user_id from public.memberships m
  where m.school_id in (select app_private.school_ids_with_role('admin'))
$$;

--
-- Name: material_audience(public.material_scope, uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_audience(p_scope public.material_scope, p_class_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select case p_scope
           when 'kooperation' then 'diese Kooperation'
           when 'klasse' then 'Klasse ' || coalesce((select k.name from public.classes k where k.id = p_class_id), '–')
           else 'Ausbildungsberuf an der Schule'
         end
$$;

--
-- Name: material_audit(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_material uuid;
  v_action text;
  v_detail text;
  -- users cannot set created_at (column grants), so it is the insert's own time; loaders may backdate
  v_at timestamptz = case when tg_op = 'INSERT' then new.created_at else now() end;
begin
  if tg_table_name = 'materials' then
    v_material = new.id;
    if tg_op = 'INSERT' then
      v_action = 'angelegt';
      v_detail = new.title;
    elsif new.withdrawn_at is not null then
      v_action = 'zurueckgezogen';
    elsif (new.title, new.description, new.tags, new.url, new.scope, new.class_id) is not distinct from
          (old.title, old.description, old.tags, old.url, old.scope, old.class_id) then
      return null;  -- only the version counter moved: the version's own event says it
    else
      v_action = 'bearbeitet';
      v_detail = concat_ws('; ',
        case when new.title is distinct from old.title
             then app_private.change_text('Titel', old.title, new.title) end,
        case when new.description is distinct from old.description
             then app_private.change_text('Beschreibung', old.description, new.description) end,
        case when new.tags is distinct from old.tags
             then app_private.change_text('Schlagwörter', array_to_string(old.tags, ', '),
                                          array_to_string(new.tags, ', ')) end,
        case when new.url is distinct from old.url then app_private.change_text('Link', old.url, new.url) end,
        case when (new.scope, new.class_id) is distinct from (old.scope, old.class_id)
             then app_private.change_text('Sichtbar für', app_private.material_audience(old.scope, old.class_id),
                                          app_private.material_audience(new.scope, new.class_id)) end);
    end if;
  elsif tg_table_name = 'material_versions' then
    v_material = new.material_id;
    v_action = 'neue_version';
    v_detail = format('Version %s: %s', new.number, new.filename);
  else
    v_material = new.material_id;
    v_action = 'kommentiert';
  end if;
  insert into public.material_events (material_id, actor_id, action, detail, at)
  values (v_material, (select auth.uid()), v_action, v_detail, v_at);
  return null;
end
$$;

--
-- Name: material_blob_check(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_blob_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v public.material_versions;
begin
  select * into v from public.material_versions where id = new.version_id;
  if v.storage_key is not null then
    raise exception 'version is stored outside the database' using errcode = '23514';
  end if;
  if length(new.content) <> v.size_bytes or encode(sha256(new.content), 'hex') <> v.sha256 then
    raise exception 'upload incomplete: size or checksum does not match' using errcode = '23514';
  end if;
  return new;
end
$$;

--
-- Name: material_complete(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_complete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_table_name = 'material_versions' then
    if new.storage_key is null and not exists (select 1 from public.material_blobs b where b.version_id = new.id) then
      raise exception 'material version has no content' using errcode = '23514';
    end if;
  elsif new.kind <> 'link' and not exists (select 1 from public.material_versions v where v.material_id = new.id) then
    raise exception 'file material without a file' using errcode = '23514';
  end if;
  return null;
end
$$;

--
-- Name: material_guard(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_admin boolean;
begin
  if old.withdrawn_at is not null then
    raise exception 'material withdrawn' using errcode = '42501';
  end if;
  v_admin := old.school_id in (select app_private.school_ids_with_role('admin'));
  if new.withdrawn_at is not null and not (old.owner_id = (select auth.uid()) or v_admin) then
    raise exception 'only the owner or an admin may withdraw' using errcode = '42501';
  end if;
  if new.withdrawn_at is not null and new.withdrawn_by is distinct from (select auth.uid()) then
    raise exception 'withdrawn_by must be the acting user' using errcode = '42501';
  end if;
  if (new.title, new.description, new.tags, new.url, new.scope, new.class_id)
       is distinct from (old.title, old.description, old.tags, old.url, old.scope, old.class_id)
     and pg_catalog.current_setting('role') <> 'none'
     and not (old.owner_id = (select auth.uid()) or v_admin) then
    raise exception 'only the owner or an admin may edit a material' using errcode = '42501';
  end if;
  if (new.scope, new.class_id) is distinct from (old.scope, old.class_id)
     and pg_catalog.current_setting('role') <> 'none' and not v_admin
     and not (new.scope = 'kooperation'
              or (new.scope = 'klasse' and new.class_id in (select app_private.work_class_ids()))
              or (new.scope = 'beruf_schule'
                  and (new.school_id, new.occupation_id) in (select * from app_private.work_school_occupations())))
  then
    raise exception 'audience not allowed' using errcode = '42501';
  end if;
  new.updated_at = now();
  new.updated_by = (select auth.uid());
  return new;
end
$$;

--
-- Name: material_is_editable(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_is_editable(p_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select exists (select 1 from public.materials m
                 where m.id = p_id and m.withdrawn_at is null
                   and (m.owner_id = (select auth.uid())
                        or m.school_id in (select app_private.school_ids_with_role('admin'))))
$$;

--
-- Name: material_is_visible(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_is_visible(p_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select exists (select 1 from public.materials m where m.id = p_id)
$$;

--
-- Name: material_topic_audit(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.material_topic_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  rec jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  v_material uuid := (rec ->> 'material_id')::uuid;
  v_label text;
begin
  if exists (select 1 from public.materials m where m.id = v_material and m.created_at = now()) then
    return null;  -- shared in this very transaction
  end if;
  if tg_table_name = 'material_learning_fields' then
    select 'Lernfeld ' || case when tg_op = 'DELETE' then 'entfernt' else 'hinzugefügt' end || ': „' || lf.code
           || ' ' || lf.title || '“' into v_label
    from public.learning_fields lf where lf.id = (rec ->> 'learning_field_id')::uuid;
  else
    select 'Berufsbildposition ' || case when tg_op = 'DELETE' then 'entfernt' else 'hinzugefügt' end || ': „'
           || tp.number || ' ' || tp.title || '“' into v_label
    from public.training_positions tp where tp.id = (rec ->> 'training_position_id')::uuid;
  end if;
  insert into public.material_events (material_id, actor_id, action, detail)
  values (v_material, (select auth.uid()), 'bearbeitet', v_label);
  return null;
end
$$;

--
-- Name: my_apprentice_sides(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.my_apprentice_sides() RETURNS TABLE(apprentice_id uuid, side text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
declare
  v_key text;
  v_rows jsonb;
begin
  if current_setting('transaction_read_only') <> 'on' then
    return query select s.apprentice_id, s.side from app_private.my_apprentice_sides_computed() s;
    return;
  end if;
  v_key := coalesce((select auth.uid())::text, '-');
  v_rows := app_private.kept('leokop.my_apprentice_sides', v_key);
  if v_rows is null then
    select app_private.keep('leokop.my_apprentice_sides', v_key,
                           coalesce(jsonb_agg(jsonb_build_array(s.apprentice_id, s.side)), '[]'::jsonb))
      into v_rows
    from app_private.my_apprentice_sides_computed() s;
  end if;
  return query select (e ->> 0)::uuid, e ->> 1 from jsonb_array_elements(v_rows) e;
end
$$;

--
-- Name: my_apprentice_sides_computed(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.my_apprentice_sides_computed() RETURNS TABLE(apprentice_id uuid, side text)
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
  with m as materialized (
    select m.role, m.school_id, m.class_id, m.company_id, m.cooperation_id from app_private.active_memberships() m
  )
  -- school side: the teacher's classes, the admin's school, the teacher's pairs
  select a.id, 'schule' from m join public.apprentices a on a.class_id = m.class_id
  where m.role = 'lehrkraft' and m.class_id is not null
  union
  select a.id, 'schule' from m join public.apprentices a on a.school_id = m.school_id
  where m.role = 'admin' and m.class_id is null and m.company_id is null and m.cooperation_id is null
  union
  select a.id, case m.role when 'lehrkraft' then 'schule' else 'betrieb' end from m
  join public.cooperations c on c.id = m.cooperation_id
  join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
  where m.role in ('lehrkraft', 'ausbilder') and m.cooperation_id is not null
  union
  -- company side: the trainer's company at a school
  select a.id, 'betrieb' from m join public.apprentices a on a.school_id = m.school_id and a.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
$$;

--
-- Name: my_class_ids(boolean); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.my_class_ids(p_with_leadership boolean) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
    SET search_path TO ''
    AS $$
  with m as materialized (
    select m.role, m.school_id, m.class_id, m.company_id, m.cooperation_id from app_private.active_memberships() m
  )
  select m.class_id from m where m.role = 'lehrkraft' and m.class_id is not null
  union
  select k.id from m join public.classes k on k.school_id = m.school_id
  where m.class_id is null and m.company_id is null and m.cooperation_id is null
    and (m.role = 'admin' or (p_with_leadership and m.role = 'schulleitung'))
  union
  select a.class_id from m join public.apprentices a on a.school_id = m.school_id and a.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select a.class_id from m join public.cooperations c on c.id = m.cooperation_id
  join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
  where m.role in ('lehrkraft', 'ausbilder')
$$;

--
-- Name: my_membership_school_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.my_membership_school_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 2
    SET search_path TO ''
    AS $$
  select distinct m.school_id from public.memberships m
  join public.app_users u on u.id = m.user_id
  where m.user_id = (select auth.uid()) and m.active and u.active
$$;

--
-- Name: my_pairs(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.my_pairs() RETURNS TABLE(school_id uuid, company_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 5
    SET search_path TO ''
    AS $$
  select m.school_id, m.company_id from app_private.active_memberships() m
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select c.school_id, c.company_id
  from app_private.active_memberships() m
  join public.cooperations c on c.id = m.cooperation_id
  where m.role in ('lehrkraft', 'ausbilder')
$$;

--
-- Name: my_unassigned_user_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.my_unassigned_user_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 5
    SET search_path TO ''
    AS $$
  select u.id from public.app_users u
  where u.created_by = (select auth.uid())
    and not exists (select 1 from public.memberships m where m.user_id = u.id)
$$;

--
-- Name: now(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.now() RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select ((app_private.today() + (pg_catalog.now() at time zone 'Europe/Berlin')::time) at time zone 'Europe/Berlin')
$$;

--
-- Name: overseen_school_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.overseen_school_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 2
    SET search_path TO ''
    AS $$
  select app_private.school_ids_with_role('admin')
  union
  select app_private.school_ids_with_role('schulleitung')
$$;

--
-- Name: pair_apprentice_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.pair_apprentice_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
  select distinct s.apprentice_id from app_private.my_apprentice_sides() s
$$;

--
-- Name: pair_emails(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.pair_emails(p_apprentice_id uuid) RETURNS TABLE(user_id uuid, email text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select distinct u.id, u.email
  from public.apprentices a
  join public.memberships m on m.active and m.role in ('lehrkraft', 'ausbilder')
  join public.app_users u on u.id = m.user_id and u.active and u.email is not null
  left join public.cooperations c on c.id = m.cooperation_id
  where a.id = p_apprentice_id
    and (m.class_id = a.class_id
         or (m.company_id = a.company_id and m.school_id = a.school_id)
         or (c.school_id = a.school_id and c.company_id = a.company_id))
$$;

--
-- Name: project_audit(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.project_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_action text;
  v_detail text;
begin
  if tg_table_name = 'projects' then
    if new.status is not distinct from old.status then
      return null;
    end if;
    insert into public.project_events (project_id, actor_id, action, detail)
    values (new.id, (select auth.uid()), 'status', app_private.change_text('Status', old.status::text,
                                                                            new.status::text));
    return null;
  end if;
  if tg_op = 'INSERT' then
    v_action = 'meilenstein_angelegt';
    v_detail = '„' || new.title || '“, fällig am ' || to_char(new.due_on, 'DD.MM.YYYY');
  elsif new.done_at is not null and old.done_at is null then
    v_action = 'meilenstein_erledigt';
    v_detail = '„' || new.title || '“';
  else
    v_action = 'meilenstein_bearbeitet';
    v_detail = concat_ws('; ',
      case when new.title is distinct from old.title
           then app_private.change_text('Titel', old.title, new.title) end,
      case when new.due_on is distinct from old.due_on
           then app_private.change_text('fällig am', to_char(old.due_on, 'DD.MM.YYYY'),
                                        to_char(new.due_on, 'DD.MM.YYYY')) end,
      case when new.place is distinct from old.place
           then app_private.change_text('zuständig', app_private.learning_place_text(old.place),
                                        app_private.learning_place_text(new.place)) end,
      case when new.description is distinct from old.description
           then app_private.change_text('Beschreibung', old.description, new.description) end);
    if v_detail = '' then
      return null;  -- nothing a user sees changed
    end if;
    v_detail = '„' || old.title || '“: ' || v_detail;
  end if;
  insert into public.project_events (project_id, milestone_id, actor_id, action, detail)
  values (new.project_id, new.id, (select auth.uid()), v_action, v_detail);
  return null;
end
$$;

--
-- Name: readable_apprentice_ids(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.readable_apprentice_ids(p_category text) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
begin
  return query select e::uuid from jsonb_array_elements_text(app_private.access_set('readable', p_category)) e;
end
$$;

--
-- Name: record_grade_history(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.record_grade_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if new.grade is not null and (tg_op = 'INSERT' or new.grade is distinct from old.grade
                                or new.graded_on is distinct from old.graded_on) then
    insert into public.lf_grade_history (apprentice_id, learning_field_id, grade, graded_on, recorded_by)
    values (new.apprentice_id, new.learning_field_id, new.grade, new.graded_on, new.updated_by);
  end if;
  return new;
end
$$;

--
-- Name: released_apprentice_ids(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.released_apprentice_ids(p_category text) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    AS $$
  select r.apprentice_id from app_private.released_categories() r where r.category = p_category
$$;

--
-- Name: released_categories(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.released_categories() RETURNS TABLE(apprentice_id uuid, category text)
    LANGUAGE sql STABLE
    AS $$
  select a.id, k.category
  from public.apprentices a
  left join public.release_settings s on s.school_id = a.school_id
  left join public.release_overrides o on o.apprentice_id = a.id
  cross join lateral (select distinct unnest(c.categories) as category from public.consents c
                      where c.apprentice_id = a.id and c.revoked_at is null) k
  where coalesce(
      case k.category
        when 'grades' then coalesce(o.share_grades, s.share_grades)
        when 'absences' then coalesce(o.share_absences, s.share_absences)
        when 'teacher_notes' then coalesce(o.share_teacher_notes, s.share_teacher_notes)
      end, k.category in ('grades', 'absences', 'teacher_notes'))
$$;

--
-- Name: released_company_side_ids(text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.released_company_side_ids(p_category text) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
begin
  return query select e::uuid from jsonb_array_elements_text(app_private.access_set('released', p_category)) e;
end
$$;

--
-- Name: retention_due(date); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.retention_due(p_today date) RETURNS TABLE(apprentice_id uuid, school_id uuid, school text, class_name text, ended_on date, months integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select a.id, a.school_id, s.name, k.name, coalesce(a.dissolved_on, a.contract_end), coalesce(r.months, 12)
  from public.apprentices a
  join public.schools s on s.id = a.school_id
  join public.classes k on k.id = a.class_id
  left join public.retention_settings r on r.school_id = a.school_id
  where a.anonymised_at is null
    and coalesce(a.dissolved_on, a.contract_end) < p_today - make_interval(months => coalesce(r.months, 12))
  order by s.name, k.name, a.id
$$;

--
-- Name: school_ids_with_role(public.app_role); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.school_ids_with_role(p_role public.app_role) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 2
    SET search_path TO ''
    AS $$
  select m.school_id from app_private.active_memberships() m
  where m.role = p_role and m.class_id is null and m.company_id is null and m.cooperation_id is null
$$;

--
-- Name: school_side_apprentice_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.school_side_apprentice_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
    SET search_path TO ''
    AS $$
  select s.apprentice_id from app_private.my_apprentice_sides() s where s.side = 'schule'
$$;

--
-- Name: school_side_class_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.school_side_class_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 50
    SET search_path TO ''
    AS $$
  select app_private.teacher_class_ids()
  union
  select app_private.admin_class_ids()
$$;

--
-- Name: session_open(uuid); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.session_open(p_session_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v public.user_sessions;
  v_reason text;
begin
  select * into v from public.user_sessions where id = p_session_id and ended_at is null;
  if not found then
    return null;
  end if;
  v_reason := case
    when not exists (select 1 from public.app_users u where u.id = v.user_id and u.active)
      or not exists (select 1 from public.memberships m where m.user_id = v.user_id and m.active) then 'kein_zugang'
    when now() >= v.expires_at then 'hoechstdauer'
    when now() >= v.last_seen_at + make_interval(mins => v.idle_minutes) then 'leerlauf'
  end;
  if v_reason is not null then
    update public.user_sessions set ended_at = now(), end_reason = v_reason where id = v.id and ended_at is null;
    return null;
  end if;
  -- one write a minute at most, however often the user clicks: the idle limit is counted in minutes
  update public.user_sessions set last_seen_at = now()
  where id = v.id and last_seen_at < now() - interval '1 minute';
  return v.user_id;
end
$$;

--
-- Name: sso_account(text, text); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.sso_account(p_issuer text, p_subject text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select i.user_id from public.user_identities i join public.app_users u on u.id = i.user_id
  where i.issuer = p_issuer and i.subject = p_subject and u.active
    and exists (select 1 from public.memberships m where m.user_id = u.id and m.active)
$$;

--
-- Name: sso_fresh(text, timestamp with time zone); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.sso_fresh(p_once_sha256 text, p_issued_at timestamp with time zone) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if p_issued_at is null or p_issued_at < now() - interval '15 minutes' or p_issued_at > now() + interval '2 minutes'
  then
    return false;
  end if;
  delete from public.sso_sign_ins where used_at < now() - interval '2 days';
  insert into public.sso_sign_ins (once_sha256) values (p_once_sha256) on conflict do nothing;
  return found;
end
$$;

--
-- Name: stamp_change(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.stamp_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new is not distinct from old then
    return new;
  end if;
  if new.version = old.version then
    new.version := old.version + 1;
  end if;
  new.updated_at := now();
  if new.updated_by is not distinct from old.updated_by then
    new.updated_by := coalesce((select auth.uid()), new.updated_by);
  end if;
  return new;
end
$$;

--
-- Name: teacher_class_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.teacher_class_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 5
    SET search_path TO ''
    AS $$
  select m.class_id from app_private.active_memberships() m
  where m.role = 'lehrkraft' and m.class_id is not null
$$;

--
-- Name: terms_accepted_school_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.terms_accepted_school_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 2
    SET search_path TO ''
    AS $$
  select t.school_id from public.terms_acceptances t
  where t.user_id = (select auth.uid())
    and t.version = (select max(v.version) from public.terms_versions v where v.school_id = t.school_id)
$$;

--
-- Name: visible_company_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.visible_company_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 50
    SET search_path TO ''
    AS $$
  select distinct c.company_id from public.cooperations c
  where c.id in (select app_private.visible_cooperation_ids())
$$;

--
-- Name: visible_cooperation_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.visible_cooperation_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 50
    SET search_path TO ''
    AS $$
  with m as materialized (
    select m.role, m.school_id, m.class_id, m.company_id, m.cooperation_id from app_private.active_memberships() m
  )
  select c.id from m join public.cooperations c on c.school_id = m.school_id and c.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select c.id from m join public.cooperations c on c.id = m.cooperation_id
  where m.role in ('lehrkraft', 'ausbilder')
  union
  select c.id from m join public.apprentices a on a.class_id = m.class_id
  join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
  where m.role = 'lehrkraft' and m.class_id is not null
  union
  select c.id from m join public.cooperations c on c.school_id = m.school_id
  where m.role in ('admin', 'schulleitung') and m.class_id is null and m.company_id is null
    and m.cooperation_id is null
$$;

--
-- Name: visible_project_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.visible_project_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
    SET search_path TO ''
    AS $$
  select pc.project_id from public.project_cooperations pc
  where pc.cooperation_id in (select app_private.visible_cooperation_ids())
  union all
  select p.id from public.projects p where p.created_by = (select auth.uid())
$$;

--
-- Name: work_class_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.work_class_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
    SET search_path TO ''
    AS $$
  select app_private.teacher_class_ids()
  union
  select app_private.classes_of_my_pairs()
$$;

--
-- Name: work_school_occupations(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.work_school_occupations() RETURNS TABLE(school_id uuid, occupation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 5
    SET search_path TO ''
    AS $$
  select distinct k.school_id, k.occupation_id from public.classes k
  where k.id in (select app_private.work_class_ids())
$$;

--
-- Name: working_cooperation_ids(); Type: FUNCTION; Schema: app_private; Owner: -
--

CREATE FUNCTION app_private.working_cooperation_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER ROWS 10
    SET search_path TO ''
    AS $$
  select v.id from app_private.visible_cooperation_ids() v(id)
  where exists (select 1 from app_private.active_memberships() m where m.role in ('lehrkraft', 'ausbilder', 'admin'))
$$;

--
-- Name: admin_set_password(uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.admin_set_password(p_user_id uuid, p_new_hash text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if p_user_id not in (select app_private.managed_user_ids()) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  insert into public.user_credentials (user_id, password_hash, must_change) values (p_user_id, p_new_hash, true)
  on conflict (user_id) do update
    set password_hash = excluded.password_hash, password_changed_at = now(),
        failed_attempts = 0, locked_until = null, must_change = true;
end
$$;

--
-- Name: change_own_password(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.change_own_password(p_new_hash text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.user_credentials
  set password_hash = p_new_hash, password_changed_at = now(), failed_attempts = 0, locked_until = null,
      must_change = false
  where user_id = (select auth.uid())
$$;

--
-- Name: import_find_companies(uuid, text[], text[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.import_find_companies(p_school_id uuid, p_names text[], p_postcodes text[]) RETURNS TABLE(name_key text, postcode text, company_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  -- the owner (the command line's import, role none) asks for any school
  if pg_catalog.current_setting('role') <> 'none'
     and (p_school_id is null or p_school_id not in (select app_private.school_ids_with_role('admin'))) then
    raise exception 'only the school''s admin may look up companies for an import' using errcode = '42501';
  end if;
  return query
    select k.name_key, k.postcode, min(c.id::text)::uuid
    from unnest(p_names, p_postcodes) as k(name_key, postcode)
    join public.companies c
      on c.postcode = k.postcode and lower(regexp_replace(btrim(c.name), '\s+', ' ', 'g')) = k.name_key
    group by k.name_key, k.postcode
    having count(distinct c.id) = 1;
end
$$;

--
-- Name: invitation_issue(uuid, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.invitation_issue(p_user_id uuid, p_token_sha256 text, p_client_sha256 text) RETURNS timestamp with time zone
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_until timestamptz;
begin
  if (select auth.uid()) is null
     or p_user_id not in (select app_private.managed_user_ids())
     or exists (select 1 from public.user_credentials c where c.user_id = p_user_id) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  if not app_private.auth_request_allowed('einladung', p_user_id,
       coalesce(p_client_sha256, encode(sha256(convert_to((select auth.uid())::text, 'UTF8')), 'hex')), 3, 30) then
    raise exception 'too many invitations' using errcode = '54000';
  end if;
  delete from public.invitations where ended_at < now() - interval '30 days';
  delete from public.invitations where ended_at is null and valid_until < now() - interval '30 days';
  update public.invitations set ended_at = now(), end_reason = 'ersetzt'
  where user_id = p_user_id and ended_at is null;
  update public.app_users set active = false where id = p_user_id and active;
  insert into public.invitations (user_id, token_sha256, created_by, valid_until)
  values (p_user_id, p_token_sha256, (select auth.uid()), now() + interval '14 days')
  returning valid_until into v_until;
  return v_until;
end
$$;

--
-- Name: invitation_withdraw(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.invitation_withdraw(p_invitation_id uuid) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.invitations set ended_at = now(), end_reason = 'zurueckgezogen'
  where id = p_invitation_id and ended_at is null and user_id in (select app_private.managed_user_ids())
  returning true
$$;

--
-- Name: leadership_absences(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_absences(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, class_name text, month date, apprentice_months integer, absence_days integer, unexcused_days integer, days_per_apprentice numeric, unexcused_per_apprentice numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.absences(array[p_school_id], p_school_year, p_occupation_id,
                                                     p_class_id);
end
$$;

--
-- Name: leadership_cases(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_cases(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, label text, month date, opened integer, closed integer, open_at_end integer, median_days_to_close numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.cases(array[p_school_id], p_school_year, p_occupation_id, p_class_id);
end
$$;

--
-- Name: leadership_cooperations(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_cooperations(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, month date, cooperations integer, active integer, by_notes integer, by_grades integer, by_record_book integer, by_case_comments integer, by_materials integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.cooperations(array[p_school_id], p_school_year, p_occupation_id,
                                                         p_class_id);
end
$$;

--
-- Name: leadership_dissolutions(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_dissolutions(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, label text, month date, apprentices integer, dissolved integer, in_probation integer, rate_percent numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.dissolutions(array[p_school_id], p_school_year, p_occupation_id,
                                                         p_class_id);
end
$$;

--
-- Name: leadership_filter_options(uuid, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_filter_options(p_school_id uuid, p_school_year integer) RETURNS TABLE(class_id uuid, class_name text, occupation_id uuid, occupation text, training_year integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, null, null);
  return query
    select s.class_id, s.class_name, s.occupation_id, s.occupation, s.training_year
    from app_leadership.selected(array[p_school_id], p_school_year, null, null) s
    order by s.occupation, s.class_name;
end
$$;

--
-- Name: leadership_grades(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_grades(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, occupation text, code text, title text, sort_order integer, graded integer, grade_1 integer, grade_2 integer, grade_3 integer, grade_4 integer, grade_5 integer, grade_6 integer, average numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.grades(array[p_school_id], p_school_year, p_occupation_id,
                                                   p_class_id);
end
$$;

--
-- Name: leadership_headcounts(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_headcounts(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, label text, apprentices integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.headcounts(array[p_school_id], p_school_year, p_occupation_id,
                                                       p_class_id);
end
$$;

--
-- Name: leadership_measures(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_measures(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, kind text, measures integer, done integer, cases integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.measures(array[p_school_id], p_school_year, p_occupation_id,
                                                     p_class_id);
end
$$;

--
-- Name: leadership_record_book(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_record_book(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, class_name text, month date, apprentices integer, due_weeks integer, signed_weeks integer, completion_percent numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.record_book(array[p_school_id], p_school_year, p_occupation_id,
                                                        p_class_id);
end
$$;

--
-- Name: leadership_risks(uuid, integer, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_risks(p_school_id uuid, p_school_year integer, p_occupation_id uuid DEFAULT NULL::uuid, p_class_id uuid DEFAULT NULL::uuid) RETURNS TABLE(dimension text, label text, apprentices integer, flagged integer, hinweis integer, warnung integer, kritisch integer, open_flags integer, flagged_percent numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.risks(array[p_school_id], p_school_year, p_occupation_id, p_class_id);
end
$$;

--
-- Name: leadership_schools(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadership_schools() RETURNS TABLE(school_id uuid, school_name text, first_school_year integer, current_school_year integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select s.id, s.name,
         least(coalesce((select min(public.school_year_start(a.contract_start)) from public.apprentices a
                         where a.school_id = s.id), public.school_year_start()), public.school_year_start()),
         public.school_year_start()
  from public.schools s
  where s.id in (select app_private.leadership_school_ids())
  order by s.name
$$;

--
-- Name: material_document(text, text, text[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.material_document(p_title text, p_description text, p_tags text[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('pg_catalog.german'::regconfig, pg_catalog.array_to_string(p_tags, ' ')), 'A')
      || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(p_description, '')), 'B')
$$;

--
-- Name: pair_people(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pair_people(p_apprentice_id uuid) RETURNS TABLE(user_id uuid, display_name text, place public.learning_place)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select distinct u.id, u.display_name, case m.role when 'lehrkraft' then 'schule' else 'betrieb' end
    ::public.learning_place
  from public.apprentices a
  join public.memberships m on m.active and m.role in ('lehrkraft', 'ausbilder')
  join public.app_users u on u.id = m.user_id and u.active
  left join public.cooperations c on c.id = m.cooperation_id
  where a.id = p_apprentice_id
    and p_apprentice_id in (select app_private.pair_apprentice_ids())
    and (m.class_id = a.class_id
         or (m.company_id = a.company_id and m.school_id = a.school_id)
         or (c.school_id = a.school_id and c.company_id = a.company_id))
$$;

--
-- Name: propose_excuse(uuid, integer, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.propose_excuse(p_absence_id uuid, p_version integer, p_comment text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if length(btrim(coalesce(p_comment, ''))) = 0 then
    raise exception 'comment required' using errcode = '22023';
  end if;
  update public.absences a
  set excuse_state = 'vorgeschlagen', excuse_comment = btrim(p_comment), proposed_by = (select auth.uid()),
      proposed_at = now(), version = a.version + 1
  where a.id = p_absence_id and a.version = p_version and not a.excused
    and a.excuse_state in ('keiner', 'abgelehnt')
    and a.apprentice_id in (select app_private.released_company_side_ids('absences'));
  return found;
end
$$;

--
-- Name: record_apprentice_view(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.record_apprentice_view(p_apprentice_id uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if p_apprentice_id in (select app_private.pair_apprentice_ids())
     or p_apprentice_id in (select app_private.admin_apprentice_ids()) then
    return coalesce(app_private.audit_event('view', p_apprentice_id), false);
  end if;
  return false;
end
$$;

--
-- Name: record_refused_view(text, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.record_refused_view(p_kind text, p_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  school uuid;
begin
  if (select auth.uid()) is null then
    return;
  end if;
  if p_kind = 'apprentices' then
    select a.school_id into school from public.apprentices a where a.id = p_id;
  elsif p_kind = 'cooperations' then
    select c.school_id into school from public.cooperations c where c.id = p_id;
  elsif p_kind = 'risk_cases' then
    select a.school_id into school
    from public.risk_cases r join public.apprentices a on a.id = r.apprentice_id where r.id = p_id;
  else
    raise exception 'unknown kind' using errcode = '22023';
  end if;
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id)
  values ((select auth.uid()), pg_catalog.current_setting('role'), 'refused', p_kind, p_id::text, null, school);
end
$$;

--
-- Name: retention_preview(date); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.retention_preview(p_today date DEFAULT app_private.today()) RETURNS TABLE(apprentice_id uuid, school text, class_name text, ended_on date, months integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select d.apprentice_id, d.school, d.class_name, d.ended_on, d.months from app_private.retention_due(p_today) d
  where d.school_id in (select app_private.school_ids_with_role('admin'))
$$;

--
-- Name: session_end(uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.session_end(p_session_id uuid, p_reason text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update public.user_sessions set ended_at = now(), end_reason = p_reason
  where id = p_session_id and user_id = (select auth.uid()) and ended_at is null
    and p_reason in ('abgemeldet', 'beendet')
  returning true
$$;

--
-- Name: session_start(text, text, integer, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.session_start(p_handoff_sha256 text, p_user_agent text, p_idle_minutes integer, p_max_hours integer) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
begin
  if (select auth.uid()) is null
     or not exists (select 1 from public.app_users u where u.id = (select auth.uid()) and u.active) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  if p_max_hours not between 1 and 168 then
    raise exception 'session length out of range' using errcode = '22023';
  end if;
  delete from public.user_sessions where ended_at < now() - interval '30 days';
  delete from public.user_sessions where ended_at is null and expires_at < now() - interval '30 days';
  insert into public.user_sessions (user_id, handoff_sha256, handoff_until, idle_minutes, expires_at, user_agent)
  values ((select auth.uid()), p_handoff_sha256, now() + interval '2 minutes', p_idle_minutes,
          now() + make_interval(hours => p_max_hours), left(coalesce(p_user_agent, ''), 300))
  returning id into v_id;
  return v_id;
end
$$;

--
-- Name: subject_access_export(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.subject_access_export(p_apprentice_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  result jsonb;
  t text;
  rows jsonb;
begin
  if p_apprentice_id is null or p_apprentice_id not in (select app_private.admin_apprentice_ids()) then
    raise exception 'only the school''s admin may export an apprentice''s data' using errcode = '42501';
  end if;
  select jsonb_build_object(
    'apprentice', to_jsonb(a),
    'context', jsonb_build_object('school', s.name, 'class', k.name, 'company', c.name, 'occupation', o.name),
    'exported_at', now(),
    'tables', '{}'::jsonb)
  into result
  from public.apprentices a
  join public.schools s on s.id = a.school_id
  join public.classes k on k.id = a.class_id
  join public.companies c on c.id = a.company_id
  join public.occupations o on o.id = a.occupation_id
  where a.id = p_apprentice_id;
  -- the export itself is recorded first, so that it appears in what it exports
  perform app_private.audit_event('export', p_apprentice_id);
  for t in select distinct l.table_name from app_private.apprentice_tables() l order by 1 loop
    execute format('select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), ''[]'') from public.%I t'
                   ' where %s', t, app_private.apprentice_rows_condition(t))
      into rows using p_apprentice_id;
    result := jsonb_set(result, array['tables', t], rows);
  end loop;
  return result;
end
$$;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  new.updated_at = now();
  return new;
end
$$;

--
-- Name: user_display_name(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.user_display_name(p_user_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select u.display_name from public.app_users u where u.id = p_user_id
$$;

--
-- Name: username_taken(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.username_taken(p_username text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select (select app_private.is_admin_anywhere())
     and exists (select 1 from public.app_users where username = lower(btrim(p_username)))
$$;

--
-- Name: statewide_figures; Type: TABLE; Schema: app_leadership; Owner: -
--

CREATE TABLE app_leadership.statewide_figures (
    school_year integer NOT NULL,
    figure text NOT NULL,
    computed_at timestamp with time zone DEFAULT now() NOT NULL,
    rows jsonb NOT NULL
);

--
-- Name: absences; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.absences (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    absence_date date NOT NULL,
    lessons smallint NOT NULL,
    excused boolean DEFAULT false NOT NULL,
    excuse_state public.excuse_state DEFAULT 'keiner'::public.excuse_state NOT NULL,
    excuse_comment text,
    proposed_by uuid,
    proposed_at timestamp with time zone,
    recorded_by uuid,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone,
    updated_by uuid,
    CONSTRAINT absences_excuse_comment_check CHECK (((excuse_comment IS NULL) OR (length(excuse_comment) <= 2000))),
    CONSTRAINT absences_lessons_check CHECK (((lessons >= 1) AND (lessons <= 12)))
);

--
-- Name: app_users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    email text,
    active boolean DEFAULT true NOT NULL,
    created_by uuid DEFAULT auth.uid(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT app_users_display_name_check CHECK ((length(btrim(display_name)) > 0)),
    CONSTRAINT app_users_email_check CHECK (((email IS NULL) OR (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
    CONSTRAINT app_users_username_check CHECK ((username ~ '^[a-z0-9._-]{3,40}$'::text))
);

--
-- Name: apprentices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.apprentices (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    birth_date date NOT NULL,
    school_id uuid NOT NULL,
    class_id uuid NOT NULL,
    company_id uuid NOT NULL,
    occupation_id uuid NOT NULL,
    track text,
    contract_start date NOT NULL,
    contract_end date NOT NULL,
    probation_end date NOT NULL,
    status public.apprentice_status DEFAULT 'aktiv'::public.apprentice_status NOT NULL,
    dissolved_on date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    anonymised_at timestamp with time zone,
    pupil_id text,
    CONSTRAINT apprentices_check CHECK ((contract_end > contract_start)),
    CONSTRAINT apprentices_check1 CHECK (((probation_end >= (((contract_start + '1 mon'::interval) - '1 day'::interval))::date) AND (probation_end <= ((contract_start + '4 mons'::interval))::date))),
    CONSTRAINT apprentices_check2 CHECK (((status = 'geloest'::public.apprentice_status) = (dissolved_on IS NOT NULL))),
    CONSTRAINT apprentices_check3 CHECK (((dissolved_on IS NULL) OR (dissolved_on >= contract_start))),
    CONSTRAINT apprentices_first_name_check CHECK ((length(btrim(first_name)) > 0)),
    CONSTRAINT apprentices_last_name_check CHECK ((length(btrim(last_name)) > 0)),
    CONSTRAINT apprentices_pupil_id_check CHECK (((pupil_id IS NULL) OR ((length(btrim(pupil_id)) >= 1) AND (length(btrim(pupil_id)) <= 40))))
);

--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    actor_id uuid,
    actor_role text NOT NULL,
    action text NOT NULL,
    table_name text NOT NULL,
    row_id text,
    apprentice_id uuid,
    school_id uuid,
    columns text[],
    CONSTRAINT audit_log_action_check CHECK ((action = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text, 'view'::text, 'export'::text, 'purge'::text, 'import'::text, 'refused'::text])))
);

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: auth_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auth_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    account_id uuid,
    client_sha256 text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT auth_requests_client_sha256_check CHECK ((client_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT auth_requests_kind_check CHECK ((kind = ANY (ARRAY['einladung'::text, 'passwort'::text, 'anmeldung'::text])))
);

--
-- Name: calendar_feeds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.calendar_feeds (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid DEFAULT auth.uid() NOT NULL,
    token_sha256 text NOT NULL,
    with_names boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    content_etag text,
    content_changed_at timestamp with time zone,
    CONSTRAINT calendar_feeds_token_sha256_check CHECK ((token_sha256 ~ '^[0-9a-f]{64}$'::text))
);

--
-- Name: case_comments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_comments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    author_id uuid DEFAULT auth.uid(),
    place public.learning_place NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT case_comments_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 4000)))
);

--
-- Name: case_measures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_measures (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    kind public.measure_kind NOT NULL,
    description text,
    due_on date,
    done_at timestamp with time zone,
    created_by uuid DEFAULT auth.uid(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone,
    updated_by uuid,
    CONSTRAINT case_measures_description_check CHECK (((description IS NULL) OR (length(description) <= 2000)))
);

--
-- Name: classes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.classes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    occupation_id uuid NOT NULL,
    name text NOT NULL,
    start_year integer NOT NULL,
    schedule public.class_schedule NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    school_days_per_week smallint,
    CONSTRAINT classes_name_check CHECK ((length(btrim(name)) > 0)),
    CONSTRAINT classes_school_days_per_week_check CHECK (((school_days_per_week >= 1) AND (school_days_per_week <= 5))),
    CONSTRAINT classes_start_year_check CHECK (((start_year >= 2000) AND (start_year <= 2100)))
);

--
-- Name: companies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.companies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    city text NOT NULL,
    chamber text NOT NULL,
    sector text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    postcode text,
    street text,
    email text,
    CONSTRAINT companies_chamber_check CHECK ((chamber = ANY (ARRAY['IHK'::text, 'HWK'::text, 'sonstige'::text]))),
    CONSTRAINT companies_email_check CHECK (((email IS NULL) OR (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
    CONSTRAINT companies_name_check CHECK ((length(btrim(name)) > 0)),
    CONSTRAINT companies_postcode_check CHECK (((postcode IS NULL) OR (postcode ~ '^[0-9]{5}$'::text))),
    CONSTRAINT companies_street_check CHECK (((street IS NULL) OR (length(street) <= 200)))
);

--
-- Name: company_phases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.company_phases (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    title text NOT NULL,
    department text,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT company_phases_check CHECK ((ends_on >= starts_on)),
    CONSTRAINT company_phases_department_check CHECK (((department IS NULL) OR (length(department) <= 200))),
    CONSTRAINT company_phases_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: concerns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.concerns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    place public.learning_place NOT NULL,
    kind text NOT NULL,
    body text NOT NULL,
    raised_by uuid DEFAULT auth.uid(),
    raised_at timestamp with time zone DEFAULT now() NOT NULL,
    resolved_at timestamp with time zone,
    resolved_by uuid,
    CONSTRAINT concerns_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 2000))),
    CONSTRAINT concerns_kind_check CHECK ((kind = ANY (ARRAY['konflikt'::text, 'motivation'::text, 'gesundheit'::text, 'sonstiges'::text])))
);

--
-- Name: consents; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    legal_basis text NOT NULL,
    categories text[] NOT NULL,
    given_by text,
    guardian_name text,
    given_on date NOT NULL,
    reference text,
    recorded_by uuid DEFAULT auth.uid(),
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by uuid,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT consents_categories_check CHECK (((cardinality(categories) > 0) AND (categories <@ ARRAY['grades'::text, 'absences'::text, 'teacher_notes'::text]))),
    CONSTRAINT consents_check CHECK (((legal_basis = 'einwilligung'::text) = (given_by IS NOT NULL))),
    CONSTRAINT consents_check1 CHECK (((given_by IS DISTINCT FROM 'erziehungsberechtigte'::text) OR (guardian_name IS NOT NULL))),
    CONSTRAINT consents_check2 CHECK (((legal_basis <> 'rechtsvorschrift'::text) OR (reference IS NOT NULL))),
    CONSTRAINT consents_check3 CHECK (((revoked_at IS NULL) = (revoked_by IS NULL))),
    CONSTRAINT consents_given_by_check CHECK ((given_by = ANY (ARRAY['azubi'::text, 'erziehungsberechtigte'::text]))),
    CONSTRAINT consents_guardian_name_check CHECK (((guardian_name IS NULL) OR ((length(btrim(guardian_name)) >= 1) AND (length(btrim(guardian_name)) <= 200)))),
    CONSTRAINT consents_legal_basis_check CHECK ((legal_basis = ANY (ARRAY['einwilligung'::text, 'rechtsvorschrift'::text]))),
    CONSTRAINT consents_reference_check CHECK (((reference IS NULL) OR (length(reference) <= 500)))
);

--
-- Name: cooperations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cooperations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    company_id uuid NOT NULL,
    since date DEFAULT CURRENT_DATE NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    company_code text,
    CONSTRAINT cooperations_company_code_check CHECK (((company_code IS NULL) OR ((length(btrim(company_code)) >= 1) AND (length(btrim(company_code)) <= 40))))
);

--
-- Name: exams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.exams (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    class_id uuid NOT NULL,
    kind public.exam_kind NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    CONSTRAINT exams_check CHECK ((ends_on >= starts_on))
);

--
-- Name: form_saves; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.form_saves (
    token uuid NOT NULL,
    user_id uuid DEFAULT auth.uid() NOT NULL,
    saved_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: import_profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_profiles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    name text NOT NULL,
    mapping jsonb NOT NULL,
    updated_by uuid DEFAULT auth.uid(),
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT import_profiles_mapping_check CHECK ((jsonb_typeof(mapping) = 'object'::text)),
    CONSTRAINT import_profiles_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 80)))
);

--
-- Name: import_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.import_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    file_name text NOT NULL,
    counts jsonb NOT NULL,
    refused integer NOT NULL,
    actor_id uuid DEFAULT auth.uid(),
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT import_runs_counts_check CHECK ((jsonb_typeof(counts) = 'object'::text)),
    CONSTRAINT import_runs_file_name_check CHECK (((length(file_name) >= 1) AND (length(file_name) <= 255))),
    CONSTRAINT import_runs_refused_check CHECK ((refused >= 0))
);

--
-- Name: inbox_seen; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inbox_seen (
    user_id uuid NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: invitations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invitations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_sha256 text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    valid_until timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    end_reason text,
    CONSTRAINT invitations_check CHECK (((ended_at IS NULL) = (end_reason IS NULL))),
    CONSTRAINT invitations_end_reason_check CHECK ((end_reason = ANY (ARRAY['angenommen'::text, 'zurueckgezogen'::text, 'ersetzt'::text]))),
    CONSTRAINT invitations_token_sha256_check CHECK ((token_sha256 ~ '^[0-9a-f]{64}$'::text))
);

--
-- Name: joint_dates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.joint_dates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    cooperation_id uuid NOT NULL,
    title text NOT NULL,
    on_date date NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT joint_dates_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: learning_fields; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.learning_fields (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    occupation_id uuid NOT NULL,
    code text NOT NULL,
    title text NOT NULL,
    hours integer,
    school_year integer NOT NULL,
    track text,
    sort_order integer NOT NULL,
    CONSTRAINT learning_fields_hours_check CHECK ((hours > 0)),
    CONSTRAINT learning_fields_school_year_check CHECK (((school_year >= 1) AND (school_year <= 4)))
);

--
-- Name: lf_grade_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lf_grade_history (
    id bigint NOT NULL,
    apprentice_id uuid NOT NULL,
    learning_field_id uuid NOT NULL,
    grade smallint NOT NULL,
    graded_on date NOT NULL,
    recorded_by uuid,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT lf_grade_history_grade_check CHECK (((grade >= 1) AND (grade <= 6)))
);

--
-- Name: lf_grade_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.lf_grade_history ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.lf_grade_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: lf_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lf_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    learning_field_id uuid NOT NULL,
    status public.lf_status DEFAULT 'laufend'::public.lf_status NOT NULL,
    grade smallint,
    graded_on date,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT lf_results_check CHECK (((grade IS NULL) = (graded_on IS NULL))),
    CONSTRAINT lf_results_grade_check CHECK (((grade >= 1) AND (grade <= 6)))
);

--
-- Name: material_blobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.material_blobs (
    version_id uuid NOT NULL,
    content bytea NOT NULL
);
ALTER TABLE ONLY public.material_blobs ALTER COLUMN content SET STORAGE EXTERNAL;

--
-- Name: material_comments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.material_comments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    material_id uuid NOT NULL,
    author_id uuid DEFAULT auth.uid() NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT material_comments_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 4000)))
);

--
-- Name: material_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.material_events (
    id bigint NOT NULL,
    material_id uuid NOT NULL,
    actor_id uuid,
    action text NOT NULL,
    detail text,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT material_events_action_check CHECK ((action = ANY (ARRAY['angelegt'::text, 'bearbeitet'::text, 'neue_version'::text, 'kommentiert'::text, 'zurueckgezogen'::text])))
);

--
-- Name: material_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.material_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.material_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: material_learning_fields; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.material_learning_fields (
    material_id uuid NOT NULL,
    learning_field_id uuid NOT NULL,
    occupation_id uuid NOT NULL
);

--
-- Name: material_positions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.material_positions (
    material_id uuid NOT NULL,
    training_position_id uuid NOT NULL,
    occupation_id uuid NOT NULL
);

--
-- Name: material_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.material_versions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    material_id uuid NOT NULL,
    number integer NOT NULL,
    filename text NOT NULL,
    mime text NOT NULL,
    size_bytes integer NOT NULL,
    sha256 text NOT NULL,
    storage_key text,
    note text,
    created_by uuid DEFAULT auth.uid(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT material_versions_filename_check CHECK ((((length(filename) >= 1) AND (length(filename) <= 255)) AND (filename !~ '[[:cntrl:]/\\]'::text) AND (filename <> ALL (ARRAY['.'::text, '..'::text])))),
    CONSTRAINT material_versions_note_check CHECK (((note IS NULL) OR (length(note) <= 500))),
    CONSTRAINT material_versions_number_check CHECK ((number >= 1)),
    CONSTRAINT material_versions_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT material_versions_size_bytes_check CHECK (((size_bytes >= 1) AND (size_bytes <= 20971520))),
    CONSTRAINT material_versions_storage_key_check CHECK (((storage_key IS NULL) OR (length(storage_key) <= 500)))
);

--
-- Name: materials; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.materials (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    cooperation_id uuid NOT NULL,
    school_id uuid NOT NULL,
    occupation_id uuid NOT NULL,
    scope public.material_scope NOT NULL,
    class_id uuid,
    kind public.material_kind NOT NULL,
    title text NOT NULL,
    description text,
    url text,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    search tsvector GENERATED ALWAYS AS (public.material_document(title, description, tags)) STORED,
    current_version integer DEFAULT 0 NOT NULL,
    owner_id uuid DEFAULT auth.uid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    withdrawn_at timestamp with time zone,
    withdrawn_by uuid,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT materials_check CHECK (((scope = 'klasse'::public.material_scope) = (class_id IS NOT NULL))),
    CONSTRAINT materials_check1 CHECK (((kind = 'link'::public.material_kind) = (url IS NOT NULL))),
    CONSTRAINT materials_check2 CHECK (((withdrawn_at IS NULL) = (withdrawn_by IS NULL))),
    CONSTRAINT materials_description_check CHECK (((description IS NULL) OR (length(description) <= 4000))),
    CONSTRAINT materials_tags_check CHECK ((cardinality(tags) <= 20)),
    CONSTRAINT materials_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200))),
    CONSTRAINT materials_url_check CHECK (((url IS NULL) OR ((url ~* '^https?://[^[:space:]/?#]+[^[:space:]]*$'::text) AND (length(url) <= 2000))))
);

--
-- Name: notes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    author_id uuid,
    place public.learning_place NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notes_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 4000)))
);

--
-- Name: occupations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.occupations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    regulation text NOT NULL,
    duration_months integer NOT NULL,
    CONSTRAINT occupations_duration_months_check CHECK (((duration_months >= 24) AND (duration_months <= 42)))
);

--
-- Name: pair_choices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pair_choices (
    user_id uuid NOT NULL,
    cooperation_id uuid NOT NULL,
    chosen_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: password_resets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.password_resets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_sha256 text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    valid_until timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT password_resets_token_sha256_check CHECK ((token_sha256 ~ '^[0-9a-f]{64}$'::text))
);

--
-- Name: position_ratings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.position_ratings (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    training_position_id uuid NOT NULL,
    level smallint NOT NULL,
    comment text,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT position_ratings_comment_check CHECK (((comment IS NULL) OR (length(comment) <= 2000))),
    CONSTRAINT position_ratings_level_check CHECK (((level >= 0) AND (level <= 4)))
);

--
-- Name: project_apprentices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_apprentices (
    project_id uuid NOT NULL,
    apprentice_id uuid NOT NULL
);

--
-- Name: project_cooperations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_cooperations (
    project_id uuid NOT NULL,
    cooperation_id uuid NOT NULL,
    school_id uuid NOT NULL
);

--
-- Name: project_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_events (
    id bigint NOT NULL,
    project_id uuid NOT NULL,
    milestone_id uuid,
    actor_id uuid,
    action text NOT NULL,
    detail text,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT project_events_action_check CHECK ((action = ANY (ARRAY['meilenstein_angelegt'::text, 'meilenstein_bearbeitet'::text, 'meilenstein_erledigt'::text, 'status'::text])))
);

--
-- Name: project_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.project_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.project_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: project_learning_fields; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_learning_fields (
    project_id uuid NOT NULL,
    learning_field_id uuid NOT NULL
);

--
-- Name: project_materials; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_materials (
    project_id uuid NOT NULL,
    material_id uuid NOT NULL
);

--
-- Name: project_milestones; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_milestones (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    project_id uuid NOT NULL,
    title text NOT NULL,
    due_on date NOT NULL,
    done_at timestamp with time zone,
    created_by uuid DEFAULT auth.uid(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone,
    updated_by uuid,
    place public.learning_place,
    description text,
    CONSTRAINT project_milestones_description_check CHECK (((description IS NULL) OR (length(description) <= 4000))),
    CONSTRAINT project_milestones_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: project_positions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.project_positions (
    project_id uuid NOT NULL,
    training_position_id uuid NOT NULL
);

--
-- Name: projects; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.projects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    title text NOT NULL,
    goal text,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    status public.project_status DEFAULT 'geplant'::public.project_status NOT NULL,
    created_by uuid DEFAULT auth.uid() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    updated_by uuid,
    CONSTRAINT projects_check CHECK ((ends_on >= starts_on)),
    CONSTRAINT projects_goal_check CHECK (((goal IS NULL) OR (length(goal) <= 4000))),
    CONSTRAINT projects_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 200)))
);

--
-- Name: record_weeks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.record_weeks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    week_start date NOT NULL,
    status public.record_week_status DEFAULT 'eingereicht'::public.record_week_status NOT NULL,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    trainer_comment text,
    decided_at timestamp with time zone,
    decided_by uuid,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone,
    updated_by uuid,
    CONSTRAINT record_weeks_check CHECK (((status <> 'zurueckgegeben'::public.record_week_status) OR (length(btrim(COALESCE(trainer_comment, ''::text))) > 0))),
    CONSTRAINT record_weeks_trainer_comment_check CHECK (((trainer_comment IS NULL) OR (length(trainer_comment) <= 2000))),
    CONSTRAINT record_weeks_week_start_check CHECK ((EXTRACT(isodow FROM week_start) = (1)::numeric))
);

--
-- Name: release_overrides; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.release_overrides (
    apprentice_id uuid NOT NULL,
    share_grades boolean,
    share_absences boolean,
    share_teacher_notes boolean,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    version integer DEFAULT 1 NOT NULL
);

--
-- Name: release_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.release_settings (
    school_id uuid NOT NULL,
    share_grades boolean DEFAULT true NOT NULL,
    share_absences boolean DEFAULT true NOT NULL,
    share_teacher_notes boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    version integer DEFAULT 1 NOT NULL
);

--
-- Name: retention_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.retention_settings (
    school_id uuid NOT NULL,
    months integer DEFAULT 12 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT retention_settings_months_check CHECK (((months >= 1) AND (months <= 120)))
);

--
-- Name: risk_cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_cases (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    flag_id uuid,
    title text NOT NULL,
    severity text NOT NULL,
    status public.case_status DEFAULT 'offen'::public.case_status NOT NULL,
    responsible_id uuid,
    opened_by uuid DEFAULT auth.uid(),
    opened_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    closing_reason text,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone,
    updated_by uuid,
    CONSTRAINT risk_cases_check CHECK (((status = 'erledigt'::public.case_status) = (closed_at IS NOT NULL))),
    CONSTRAINT risk_cases_check1 CHECK (((status <> 'erledigt'::public.case_status) OR (length(btrim(COALESCE(closing_reason, ''::text))) > 0))),
    CONSTRAINT risk_cases_closing_reason_check CHECK (((closing_reason IS NULL) OR (length(closing_reason) <= 2000))),
    CONSTRAINT risk_cases_severity_check CHECK ((severity = ANY (ARRAY['hinweis'::text, 'warnung'::text, 'kritisch'::text]))),
    CONSTRAINT risk_cases_title_check CHECK (((length(btrim(title)) >= 1) AND (length(btrim(title)) <= 300)))
);

--
-- Name: risk_flags; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_flags (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    apprentice_id uuid NOT NULL,
    rule text NOT NULL,
    severity text NOT NULL,
    category text NOT NULL,
    reason text NOT NULL,
    evidence jsonb DEFAULT '{}'::jsonb NOT NULL,
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    cleared_at timestamp with time zone,
    CONSTRAINT risk_flags_category_check CHECK ((category = ANY (ARRAY['absences'::text, 'grades'::text, 'teacher_notes'::text, 'record_book'::text, 'probation'::text, 'concern'::text]))),
    CONSTRAINT risk_flags_severity_check CHECK ((severity = ANY (ARRAY['hinweis'::text, 'warnung'::text, 'kritisch'::text])))
);

--
-- Name: risk_thresholds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_thresholds (
    school_id uuid NOT NULL,
    unexcused_days_4_weeks integer DEFAULT 2 NOT NULL,
    absence_rate_90_days numeric(4,3) DEFAULT 0.10 NOT NULL,
    failing_grades integer DEFAULT 2 NOT NULL,
    grade_average numeric(2,1) DEFAULT 4.0 NOT NULL,
    grade_drop numeric(2,1) DEFAULT 1.0 NOT NULL,
    unsigned_record_weeks integer DEFAULT 3 NOT NULL,
    probation_weeks integer DEFAULT 4 NOT NULL,
    exam_weeks integer DEFAULT 8 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT risk_thresholds_absence_rate_90_days_check CHECK (((absence_rate_90_days > (0)::numeric) AND (absence_rate_90_days <= (1)::numeric))),
    CONSTRAINT risk_thresholds_exam_weeks_check CHECK (((exam_weeks >= 1) AND (exam_weeks <= 26))),
    CONSTRAINT risk_thresholds_failing_grades_check CHECK (((failing_grades >= 1) AND (failing_grades <= 20))),
    CONSTRAINT risk_thresholds_grade_average_check CHECK (((grade_average >= (1)::numeric) AND (grade_average <= (6)::numeric))),
    CONSTRAINT risk_thresholds_grade_drop_check CHECK (((grade_drop >= 0.1) AND (grade_drop <= (5)::numeric))),
    CONSTRAINT risk_thresholds_probation_weeks_check CHECK (((probation_weeks >= 1) AND (probation_weeks <= 16))),
    CONSTRAINT risk_thresholds_unexcused_days_4_weeks_check CHECK (((unexcused_days_4_weeks >= 1) AND (unexcused_days_4_weeks <= 20))),
    CONSTRAINT risk_thresholds_unsigned_record_weeks_check CHECK (((unsigned_record_weeks >= 1) AND (unsigned_record_weeks <= 52)))
);

--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: school_blocks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.school_blocks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    class_id uuid NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    note text,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT school_blocks_check CHECK (((ends_on >= starts_on) AND ((ends_on - starts_on) <= 84))),
    CONSTRAINT school_blocks_note_check CHECK (((note IS NULL) OR (length(note) <= 500)))
);

--
-- Name: school_days_off; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.school_days_off (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    source text DEFAULT 'hand'::text NOT NULL,
    ics_uid text,
    created_by uuid DEFAULT auth.uid(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT school_days_off_check CHECK (((ends_on >= starts_on) AND ((ends_on - starts_on) <= 120))),
    CONSTRAINT school_days_off_ics_uid_check CHECK (((ics_uid IS NULL) OR (length(ics_uid) <= 500))),
    CONSTRAINT school_days_off_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT school_days_off_source_check CHECK ((source = ANY (ARRAY['hand'::text, 'ics'::text])))
);

--
-- Name: school_holidays; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.school_holidays (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    state text NOT NULL,
    name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    kind text DEFAULT 'ferien'::text NOT NULL,
    source text DEFAULT 'liste'::text NOT NULL,
    CONSTRAINT school_holidays_check CHECK ((ends_on >= starts_on)),
    CONSTRAINT school_holidays_kind_check CHECK ((kind = ANY (ARRAY['ferien'::text, 'feiertag'::text]))),
    CONSTRAINT school_holidays_source_check CHECK ((source = ANY (ARRAY['liste'::text, 'holidays'::text])))
);

--
-- Name: schools; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schools (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    school_number text NOT NULL,
    city text NOT NULL,
    state text DEFAULT 'Hessen'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT schools_name_check CHECK ((length(btrim(name)) > 0))
);

--
-- Name: school_calendar; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.school_calendar WITH (security_invoker='true') AS
 SELECT s.id AS school_id,
    h.kind,
    h.name,
    h.starts_on,
    h.ends_on,
    h.id
   FROM (public.schools s
     JOIN public.school_holidays h ON ((h.state = s.state)))
UNION ALL
 SELECT d.school_id,
    'schulfrei'::text AS kind,
    d.name,
    d.starts_on,
    d.ends_on,
    d.id
   FROM public.school_days_off d;

--
-- Name: school_sign_in_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.school_sign_in_settings (
    school_id uuid NOT NULL,
    sso_required boolean DEFAULT false NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone,
    updated_by uuid
);

--
-- Name: sso_sign_ins; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sso_sign_ins (
    once_sha256 text NOT NULL,
    used_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT sso_sign_ins_once_sha256_check CHECK ((once_sha256 ~ '^[0-9a-f]{64}$'::text))
);

--
-- Name: terms_acceptances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.terms_acceptances (
    user_id uuid NOT NULL,
    school_id uuid NOT NULL,
    version integer NOT NULL,
    accepted_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: terms_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.terms_versions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    version integer NOT NULL,
    body text NOT NULL,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    published_by uuid DEFAULT auth.uid(),
    CONSTRAINT terms_versions_body_check CHECK (((length(btrim(body)) >= 1) AND (length(btrim(body)) <= 20000))),
    CONSTRAINT terms_versions_version_check CHECK ((version >= 1))
);

--
-- Name: trainer_contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.trainer_contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    school_id uuid NOT NULL,
    company_id uuid NOT NULL,
    first_name text,
    last_name text NOT NULL,
    email text,
    invited_user_id uuid,
    created_by uuid DEFAULT auth.uid(),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT trainer_contacts_email_check CHECK (((email IS NULL) OR (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
    CONSTRAINT trainer_contacts_first_name_check CHECK (((first_name IS NULL) OR ((length(btrim(first_name)) >= 1) AND (length(btrim(first_name)) <= 100)))),
    CONSTRAINT trainer_contacts_last_name_check CHECK (((length(btrim(last_name)) >= 1) AND (length(btrim(last_name)) <= 100)))
);

--
-- Name: training_positions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.training_positions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    occupation_id uuid NOT NULL,
    number text NOT NULL,
    title text NOT NULL,
    section text NOT NULL,
    sort_order integer NOT NULL
);

--
-- Name: user_credentials; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_credentials (
    user_id uuid NOT NULL,
    password_hash text NOT NULL,
    failed_attempts integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    password_changed_at timestamp with time zone DEFAULT now() NOT NULL,
    must_change boolean DEFAULT false NOT NULL,
    CONSTRAINT user_credentials_failed_attempts_check CHECK ((failed_attempts >= 0)),
    CONSTRAINT user_credentials_password_hash_check CHECK ((password_hash ~ '^\$2[aby]\$\d\d\$.{53}$'::text))
);

--
-- Name: user_identities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_identities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    issuer text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL,
    linked_by text NOT NULL,
    linked_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used timestamp with time zone,
    CONSTRAINT user_identities_issuer_check CHECK (((length(issuer) >= 1) AND (length(issuer) <= 300))),
    CONSTRAINT user_identities_linked_by_check CHECK ((linked_by = ANY (ARRAY['email'::text, 'einladung'::text]))),
    CONSTRAINT user_identities_subject_check CHECK (((length(subject) >= 1) AND (length(subject) <= 255)))
);

--
-- Name: user_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.user_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_sha256 text,
    handoff_sha256 text,
    handoff_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    idle_minutes integer NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    user_agent text DEFAULT ''::text NOT NULL,
    ended_at timestamp with time zone,
    end_reason text,
    CONSTRAINT user_sessions_check CHECK (((ended_at IS NULL) = (end_reason IS NULL))),
    CONSTRAINT user_sessions_end_reason_check CHECK ((end_reason = ANY (ARRAY['abgemeldet'::text, 'beendet'::text, 'passwort'::text, 'leerlauf'::text, 'hoechstdauer'::text, 'kein_zugang'::text]))),
    CONSTRAINT user_sessions_handoff_sha256_check CHECK ((handoff_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT user_sessions_idle_minutes_check CHECK (((idle_minutes >= 1) AND (idle_minutes <= 1440))),
    CONSTRAINT user_sessions_token_sha256_check CHECK ((token_sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT user_sessions_user_agent_check CHECK ((length(user_agent) <= 300))
);

--
-- Name: statewide_figures statewide_figures_pkey; Type: CONSTRAINT; Schema: app_leadership; Owner: -
--

ALTER TABLE ONLY app_leadership.statewide_figures
    ADD CONSTRAINT statewide_figures_pkey PRIMARY KEY (school_year, figure);

--
-- Name: absences absences_apprentice_id_absence_date_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.absences
    ADD CONSTRAINT absences_apprentice_id_absence_date_key UNIQUE (apprentice_id, absence_date);

--
-- Name: absences absences_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.absences
    ADD CONSTRAINT absences_pkey PRIMARY KEY (id);

--
-- Name: app_users app_users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_users
    ADD CONSTRAINT app_users_pkey PRIMARY KEY (id);

--
-- Name: apprentices apprentices_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apprentices
    ADD CONSTRAINT apprentices_pkey PRIMARY KEY (id);

--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

--
-- Name: auth_requests auth_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_requests
    ADD CONSTRAINT auth_requests_pkey PRIMARY KEY (id);

--
-- Name: calendar_feeds calendar_feeds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_pkey PRIMARY KEY (id);

--
-- Name: calendar_feeds calendar_feeds_token_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_token_sha256_key UNIQUE (token_sha256);

--
-- Name: case_comments case_comments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_comments
    ADD CONSTRAINT case_comments_pkey PRIMARY KEY (id);

--
-- Name: case_measures case_measures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_measures
    ADD CONSTRAINT case_measures_pkey PRIMARY KEY (id);

--
-- Name: classes classes_id_school_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_id_school_id_key UNIQUE (id, school_id);

--
-- Name: classes classes_id_school_id_occupation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_id_school_id_occupation_id_key UNIQUE (id, school_id, occupation_id);

--
-- Name: classes classes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_pkey PRIMARY KEY (id);

--
-- Name: classes classes_school_id_name_start_year_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_school_id_name_start_year_key UNIQUE (school_id, name, start_year);

--
-- Name: companies companies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT companies_pkey PRIMARY KEY (id);

--
-- Name: company_phases company_phases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_phases
    ADD CONSTRAINT company_phases_pkey PRIMARY KEY (id);

--
-- Name: concerns concerns_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concerns
    ADD CONSTRAINT concerns_pkey PRIMARY KEY (id);

--
-- Name: consents consents_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_pkey PRIMARY KEY (id);

--
-- Name: cooperations cooperations_id_school_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT cooperations_id_school_id_key UNIQUE (id, school_id);

--
-- Name: cooperations cooperations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT cooperations_pkey PRIMARY KEY (id);

--
-- Name: cooperations cooperations_school_id_company_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT cooperations_school_id_company_id_key UNIQUE (school_id, company_id);

--
-- Name: exams exams_class_id_kind_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exams
    ADD CONSTRAINT exams_class_id_kind_key UNIQUE (class_id, kind);

--
-- Name: exams exams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exams
    ADD CONSTRAINT exams_pkey PRIMARY KEY (id);

--
-- Name: form_saves form_saves_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_saves
    ADD CONSTRAINT form_saves_pkey PRIMARY KEY (token);

--
-- Name: import_profiles import_profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_profiles
    ADD CONSTRAINT import_profiles_pkey PRIMARY KEY (id);

--
-- Name: import_profiles import_profiles_school_id_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_profiles
    ADD CONSTRAINT import_profiles_school_id_name_key UNIQUE (school_id, name);

--
-- Name: import_runs import_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_pkey PRIMARY KEY (id);

--
-- Name: inbox_seen inbox_seen_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbox_seen
    ADD CONSTRAINT inbox_seen_pkey PRIMARY KEY (user_id);

--
-- Name: invitations invitations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_pkey PRIMARY KEY (id);

--
-- Name: invitations invitations_token_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_token_sha256_key UNIQUE (token_sha256);

--
-- Name: joint_dates joint_dates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.joint_dates
    ADD CONSTRAINT joint_dates_pkey PRIMARY KEY (id);

--
-- Name: learning_fields learning_fields_id_occupation_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.learning_fields
    ADD CONSTRAINT learning_fields_id_occupation_key UNIQUE (id, occupation_id);

--
-- Name: learning_fields learning_fields_occupation_id_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.learning_fields
    ADD CONSTRAINT learning_fields_occupation_id_code_key UNIQUE (occupation_id, code);

--
-- Name: learning_fields learning_fields_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.learning_fields
    ADD CONSTRAINT learning_fields_pkey PRIMARY KEY (id);

--
-- Name: lf_grade_history lf_grade_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_grade_history
    ADD CONSTRAINT lf_grade_history_pkey PRIMARY KEY (id);

--
-- Name: lf_results lf_results_apprentice_id_learning_field_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_results
    ADD CONSTRAINT lf_results_apprentice_id_learning_field_id_key UNIQUE (apprentice_id, learning_field_id);

--
-- Name: lf_results lf_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_results
    ADD CONSTRAINT lf_results_pkey PRIMARY KEY (id);

--
-- Name: material_blobs material_blobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_blobs
    ADD CONSTRAINT material_blobs_pkey PRIMARY KEY (version_id);

--
-- Name: material_comments material_comments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_comments
    ADD CONSTRAINT material_comments_pkey PRIMARY KEY (id);

--
-- Name: material_events material_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_events
    ADD CONSTRAINT material_events_pkey PRIMARY KEY (id);

--
-- Name: material_learning_fields material_learning_fields_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_learning_fields
    ADD CONSTRAINT material_learning_fields_pkey PRIMARY KEY (material_id, learning_field_id);

--
-- Name: material_positions material_positions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_positions
    ADD CONSTRAINT material_positions_pkey PRIMARY KEY (material_id, training_position_id);

--
-- Name: material_versions material_versions_material_id_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_versions
    ADD CONSTRAINT material_versions_material_id_number_key UNIQUE (material_id, number);

--
-- Name: material_versions material_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_versions
    ADD CONSTRAINT material_versions_pkey PRIMARY KEY (id);

--
-- Name: materials materials_id_occupation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_id_occupation_id_key UNIQUE (id, occupation_id);

--
-- Name: materials materials_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_pkey PRIMARY KEY (id);

--
-- Name: memberships memberships_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_pkey PRIMARY KEY (id);

--
-- Name: memberships memberships_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_unique UNIQUE NULLS NOT DISTINCT (user_id, role, school_id, class_id, company_id, cooperation_id);

--
-- Name: notes notes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

--
-- Name: occupations occupations_code_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.occupations
    ADD CONSTRAINT occupations_code_key UNIQUE (code);

--
-- Name: occupations occupations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.occupations
    ADD CONSTRAINT occupations_pkey PRIMARY KEY (id);

--
-- Name: pair_choices pair_choices_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pair_choices
    ADD CONSTRAINT pair_choices_pkey PRIMARY KEY (user_id);

--
-- Name: password_resets password_resets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.password_resets
    ADD CONSTRAINT password_resets_pkey PRIMARY KEY (id);

--
-- Name: password_resets password_resets_token_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.password_resets
    ADD CONSTRAINT password_resets_token_sha256_key UNIQUE (token_sha256);

--
-- Name: position_ratings position_ratings_apprentice_id_training_position_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.position_ratings
    ADD CONSTRAINT position_ratings_apprentice_id_training_position_id_key UNIQUE (apprentice_id, training_position_id);

--
-- Name: position_ratings position_ratings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.position_ratings
    ADD CONSTRAINT position_ratings_pkey PRIMARY KEY (id);

--
-- Name: project_apprentices project_apprentices_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_apprentices
    ADD CONSTRAINT project_apprentices_pkey PRIMARY KEY (project_id, apprentice_id);

--
-- Name: project_cooperations project_cooperations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_cooperations
    ADD CONSTRAINT project_cooperations_pkey PRIMARY KEY (project_id, cooperation_id);

--
-- Name: project_events project_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_events
    ADD CONSTRAINT project_events_pkey PRIMARY KEY (id);

--
-- Name: project_learning_fields project_learning_fields_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_learning_fields
    ADD CONSTRAINT project_learning_fields_pkey PRIMARY KEY (project_id, learning_field_id);

--
-- Name: project_materials project_materials_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_materials
    ADD CONSTRAINT project_materials_pkey PRIMARY KEY (project_id, material_id);

--
-- Name: project_milestones project_milestones_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_milestones
    ADD CONSTRAINT project_milestones_pkey PRIMARY KEY (id);

--
-- Name: project_positions project_positions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_positions
    ADD CONSTRAINT project_positions_pkey PRIMARY KEY (project_id, training_position_id);

--
-- Name: projects projects_id_school_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_id_school_id_key UNIQUE (id, school_id);

--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);

--
-- Name: record_weeks record_weeks_apprentice_id_week_start_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.record_weeks
    ADD CONSTRAINT record_weeks_apprentice_id_week_start_key UNIQUE (apprentice_id, week_start);

--
-- Name: record_weeks record_weeks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.record_weeks
    ADD CONSTRAINT record_weeks_pkey PRIMARY KEY (id);

--
-- Name: release_overrides release_overrides_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_overrides
    ADD CONSTRAINT release_overrides_pkey PRIMARY KEY (apprentice_id);

--
-- Name: release_settings release_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_settings
    ADD CONSTRAINT release_settings_pkey PRIMARY KEY (school_id);

--
-- Name: retention_settings retention_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.retention_settings
    ADD CONSTRAINT retention_settings_pkey PRIMARY KEY (school_id);

--
-- Name: risk_cases risk_cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_cases
    ADD CONSTRAINT risk_cases_pkey PRIMARY KEY (id);

--
-- Name: risk_flags risk_flags_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_flags
    ADD CONSTRAINT risk_flags_pkey PRIMARY KEY (id);

--
-- Name: risk_thresholds risk_thresholds_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_thresholds
    ADD CONSTRAINT risk_thresholds_pkey PRIMARY KEY (school_id);

--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (name);

--
-- Name: school_blocks school_blocks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_blocks
    ADD CONSTRAINT school_blocks_pkey PRIMARY KEY (id);

--
-- Name: school_days_off school_days_off_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_days_off
    ADD CONSTRAINT school_days_off_pkey PRIMARY KEY (id);

--
-- Name: school_days_off school_days_off_school_id_starts_on_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_days_off
    ADD CONSTRAINT school_days_off_school_id_starts_on_name_key UNIQUE (school_id, starts_on, name);

--
-- Name: school_holidays school_holidays_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_holidays
    ADD CONSTRAINT school_holidays_pkey PRIMARY KEY (id);

--
-- Name: school_holidays school_holidays_state_kind_starts_on_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_holidays
    ADD CONSTRAINT school_holidays_state_kind_starts_on_key UNIQUE (state, kind, starts_on);

--
-- Name: school_sign_in_settings school_sign_in_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_sign_in_settings
    ADD CONSTRAINT school_sign_in_settings_pkey PRIMARY KEY (school_id);

--
-- Name: schools schools_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schools
    ADD CONSTRAINT schools_pkey PRIMARY KEY (id);

--
-- Name: schools schools_school_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schools
    ADD CONSTRAINT schools_school_number_key UNIQUE (school_number);

--
-- Name: sso_sign_ins sso_sign_ins_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sso_sign_ins
    ADD CONSTRAINT sso_sign_ins_pkey PRIMARY KEY (once_sha256);

--
-- Name: terms_acceptances terms_acceptances_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_acceptances
    ADD CONSTRAINT terms_acceptances_pkey PRIMARY KEY (user_id, school_id, version);

--
-- Name: terms_versions terms_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_versions
    ADD CONSTRAINT terms_versions_pkey PRIMARY KEY (id);

--
-- Name: terms_versions terms_versions_school_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_versions
    ADD CONSTRAINT terms_versions_school_id_version_key UNIQUE (school_id, version);

--
-- Name: trainer_contacts trainer_contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trainer_contacts
    ADD CONSTRAINT trainer_contacts_pkey PRIMARY KEY (id);

--
-- Name: training_positions training_positions_id_occupation_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_positions
    ADD CONSTRAINT training_positions_id_occupation_key UNIQUE (id, occupation_id);

--
-- Name: training_positions training_positions_occupation_id_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_positions
    ADD CONSTRAINT training_positions_occupation_id_number_key UNIQUE (occupation_id, number);

--
-- Name: training_positions training_positions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_positions
    ADD CONSTRAINT training_positions_pkey PRIMARY KEY (id);

--
-- Name: user_credentials user_credentials_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_credentials
    ADD CONSTRAINT user_credentials_pkey PRIMARY KEY (user_id);

--
-- Name: user_identities user_identities_issuer_subject_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_identities
    ADD CONSTRAINT user_identities_issuer_subject_key UNIQUE (issuer, subject);

--
-- Name: user_identities user_identities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_identities
    ADD CONSTRAINT user_identities_pkey PRIMARY KEY (id);

--
-- Name: user_sessions user_sessions_handoff_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT user_sessions_handoff_sha256_key UNIQUE (handoff_sha256);

--
-- Name: user_sessions user_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT user_sessions_pkey PRIMARY KEY (id);

--
-- Name: user_sessions user_sessions_token_sha256_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT user_sessions_token_sha256_key UNIQUE (token_sha256);

--
-- Name: absences_apprentice_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX absences_apprentice_date_idx ON public.absences USING btree (apprentice_id, absence_date);

--
-- Name: app_users_created_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX app_users_created_by_idx ON public.app_users USING btree (created_by);

--
-- Name: app_users_username_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX app_users_username_key ON public.app_users USING btree (username);

--
-- Name: apprentices_class_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX apprentices_class_id_idx ON public.apprentices USING btree (class_id);

--
-- Name: apprentices_company_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX apprentices_company_id_idx ON public.apprentices USING btree (company_id);

--
-- Name: apprentices_school_company_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX apprentices_school_company_idx ON public.apprentices USING btree (school_id, company_id);

--
-- Name: apprentices_school_pupil_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX apprentices_school_pupil_id_idx ON public.apprentices USING btree (school_id, pupil_id) WHERE (pupil_id IS NOT NULL);

--
-- Name: audit_log_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_apprentice_idx ON public.audit_log USING btree (apprentice_id, at DESC);

--
-- Name: audit_log_school_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_school_idx ON public.audit_log USING btree (school_id, at DESC);

--
-- Name: audit_log_user_row_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_log_user_row_idx ON public.audit_log USING btree (row_id, at DESC) WHERE (table_name = 'app_users'::text);

--
-- Name: auth_requests_account_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_requests_account_idx ON public.auth_requests USING btree (kind, account_id, at);

--
-- Name: auth_requests_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_requests_at_idx ON public.auth_requests USING btree (at);

--
-- Name: auth_requests_client_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX auth_requests_client_idx ON public.auth_requests USING btree (kind, client_sha256, at);

--
-- Name: calendar_feeds_live_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX calendar_feeds_live_idx ON public.calendar_feeds USING btree (user_id) WHERE (revoked_at IS NULL);

--
-- Name: calendar_feeds_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX calendar_feeds_user_idx ON public.calendar_feeds USING btree (user_id, created_at);

--
-- Name: case_comments_case_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_comments_case_idx ON public.case_comments USING btree (case_id, created_at);

--
-- Name: case_measures_case_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_measures_case_idx ON public.case_measures USING btree (case_id);

--
-- Name: classes_occupation_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX classes_occupation_id_idx ON public.classes USING btree (occupation_id);

--
-- Name: companies_postcode_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX companies_postcode_idx ON public.companies USING btree (postcode, lower(name));

--
-- Name: company_phases_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX company_phases_apprentice_idx ON public.company_phases USING btree (apprentice_id, starts_on);

--
-- Name: concerns_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX concerns_apprentice_idx ON public.concerns USING btree (apprentice_id) WHERE (resolved_at IS NULL);

--
-- Name: consents_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consents_apprentice_idx ON public.consents USING btree (apprentice_id, recorded_at);

--
-- Name: consents_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consents_open_idx ON public.consents USING btree (apprentice_id) WHERE (revoked_at IS NULL);

--
-- Name: cooperations_company_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cooperations_company_id_idx ON public.cooperations USING btree (company_id);

--
-- Name: cooperations_school_code_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX cooperations_school_code_idx ON public.cooperations USING btree (school_id, company_code) WHERE (company_code IS NOT NULL);

--
-- Name: form_saves_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX form_saves_user_idx ON public.form_saves USING btree (user_id, saved_at);

--
-- Name: import_runs_school_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX import_runs_school_idx ON public.import_runs USING btree (school_id, at DESC);

--
-- Name: invitations_created_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitations_created_by_idx ON public.invitations USING btree (created_by);

--
-- Name: invitations_ended_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitations_ended_idx ON public.invitations USING btree (ended_at) WHERE (ended_at IS NOT NULL);

--
-- Name: invitations_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitations_user_idx ON public.invitations USING btree (user_id, created_at);

--
-- Name: invitations_valid_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX invitations_valid_idx ON public.invitations USING btree (valid_until) WHERE (ended_at IS NULL);

--
-- Name: joint_dates_cooperation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX joint_dates_cooperation_idx ON public.joint_dates USING btree (cooperation_id, on_date);

--
-- Name: lf_grade_history_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lf_grade_history_apprentice_idx ON public.lf_grade_history USING btree (apprentice_id, graded_on);

--
-- Name: lf_results_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lf_results_apprentice_idx ON public.lf_results USING btree (apprentice_id);

--
-- Name: material_comments_material_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX material_comments_material_idx ON public.material_comments USING btree (material_id, created_at);

--
-- Name: material_events_material_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX material_events_material_idx ON public.material_events USING btree (material_id, at);

--
-- Name: material_learning_fields_lf_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX material_learning_fields_lf_idx ON public.material_learning_fields USING btree (learning_field_id);

--
-- Name: material_versions_later_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX material_versions_later_idx ON public.material_versions USING btree (created_at) WHERE (number > 1);

--
-- Name: materials_class_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_class_idx ON public.materials USING btree (class_id, created_at DESC) WHERE (class_id IS NOT NULL);

--
-- Name: materials_cooperation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_cooperation_idx ON public.materials USING btree (cooperation_id, created_at DESC);

--
-- Name: materials_owner_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_owner_idx ON public.materials USING btree (owner_id);

--
-- Name: materials_school_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_school_created_idx ON public.materials USING btree (school_id, created_at);

--
-- Name: materials_school_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_school_idx ON public.materials USING btree (school_id);

--
-- Name: materials_school_occupation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_school_occupation_idx ON public.materials USING btree (school_id, occupation_id, created_at DESC) WHERE (scope = 'beruf_schule'::public.material_scope);

--
-- Name: materials_search_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX materials_search_idx ON public.materials USING gin (search);

--
-- Name: memberships_class_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX memberships_class_id_idx ON public.memberships USING btree (class_id);

--
-- Name: memberships_company_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX memberships_company_id_idx ON public.memberships USING btree (company_id);

--
-- Name: memberships_cooperation_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX memberships_cooperation_id_idx ON public.memberships USING btree (cooperation_id);

--
-- Name: memberships_school_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX memberships_school_id_idx ON public.memberships USING btree (school_id);

--
-- Name: notes_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notes_apprentice_idx ON public.notes USING btree (apprentice_id, created_at);

--
-- Name: pair_choices_cooperation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX pair_choices_cooperation_idx ON public.pair_choices USING btree (cooperation_id);

--
-- Name: password_resets_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX password_resets_created_idx ON public.password_resets USING btree (created_at);

--
-- Name: password_resets_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX password_resets_user_idx ON public.password_resets USING btree (user_id) WHERE (used_at IS NULL);

--
-- Name: position_ratings_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX position_ratings_apprentice_idx ON public.position_ratings USING btree (apprentice_id);

--
-- Name: project_apprentices_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_apprentices_apprentice_idx ON public.project_apprentices USING btree (apprentice_id);

--
-- Name: project_cooperations_cooperation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_cooperations_cooperation_idx ON public.project_cooperations USING btree (cooperation_id);

--
-- Name: project_events_project_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_events_project_idx ON public.project_events USING btree (project_id, at);

--
-- Name: project_materials_material_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_materials_material_idx ON public.project_materials USING btree (material_id);

--
-- Name: project_milestones_project_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX project_milestones_project_idx ON public.project_milestones USING btree (project_id, due_on);

--
-- Name: record_weeks_signed_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX record_weeks_signed_at_idx ON public.record_weeks USING btree (apprentice_id, decided_at) WHERE (status = 'unterschrieben'::public.record_week_status);

--
-- Name: record_weeks_signed_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX record_weeks_signed_idx ON public.record_weeks USING btree (apprentice_id, week_start) INCLUDE (decided_at) WHERE (status = 'unterschrieben'::public.record_week_status);

--
-- Name: risk_cases_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_cases_apprentice_idx ON public.risk_cases USING btree (apprentice_id, status);

--
-- Name: risk_cases_one_open_per_flag; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX risk_cases_one_open_per_flag ON public.risk_cases USING btree (flag_id) WHERE (status <> 'erledigt'::public.case_status);

--
-- Name: risk_flags_apprentice_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_flags_apprentice_idx ON public.risk_flags USING btree (apprentice_id, first_seen_at);

--
-- Name: risk_flags_open_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX risk_flags_open_key ON public.risk_flags USING btree (apprentice_id, rule) WHERE (cleared_at IS NULL);

--
-- Name: school_blocks_class_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX school_blocks_class_idx ON public.school_blocks USING btree (class_id, starts_on);

--
-- Name: school_days_off_ics_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX school_days_off_ics_idx ON public.school_days_off USING btree (school_id, ics_uid) WHERE (ics_uid IS NOT NULL);

--
-- Name: school_days_off_school_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX school_days_off_school_idx ON public.school_days_off USING btree (school_id, starts_on);

--
-- Name: school_holidays_state_ends_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX school_holidays_state_ends_idx ON public.school_holidays USING btree (state, ends_on);

--
-- Name: school_sign_in_settings_updated_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX school_sign_in_settings_updated_by_idx ON public.school_sign_in_settings USING btree (updated_by);

--
-- Name: sso_sign_ins_used_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sso_sign_ins_used_idx ON public.sso_sign_ins USING btree (used_at);

--
-- Name: terms_acceptances_school_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX terms_acceptances_school_idx ON public.terms_acceptances USING btree (school_id, version);

--
-- Name: trainer_contacts_email_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX trainer_contacts_email_idx ON public.trainer_contacts USING btree (school_id, company_id, lower(email)) WHERE (email IS NOT NULL);

--
-- Name: trainer_contacts_invited_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX trainer_contacts_invited_idx ON public.trainer_contacts USING btree (invited_user_id);

--
-- Name: trainer_contacts_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX trainer_contacts_name_idx ON public.trainer_contacts USING btree (school_id, company_id, lower(last_name), lower(COALESCE(first_name, ''::text))) WHERE (email IS NULL);

--
-- Name: user_identities_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_identities_user_idx ON public.user_identities USING btree (user_id);

--
-- Name: user_sessions_ended_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_sessions_ended_idx ON public.user_sessions USING btree (ended_at) WHERE (ended_at IS NOT NULL);

--
-- Name: user_sessions_expires_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_sessions_expires_idx ON public.user_sessions USING btree (expires_at) WHERE (ended_at IS NULL);

--
-- Name: user_sessions_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX user_sessions_user_idx ON public.user_sessions USING btree (user_id, last_seen_at);

--
-- Name: apprentices_contract_until; Type: STATISTICS; Schema: app_leadership; Owner: -
--

CREATE STATISTICS app_leadership.apprentices_contract_until ON COALESCE(dissolved_on, contract_end) FROM public.apprentices;

--
-- Name: absences absences_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER absences_audit AFTER INSERT OR DELETE OR UPDATE ON public.absences FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: absences absences_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER absences_stamp BEFORE UPDATE ON public.absences FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: app_users app_users_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER app_users_audit AFTER INSERT OR DELETE OR UPDATE ON public.app_users FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: apprentices apprentices_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER apprentices_audit AFTER INSERT OR DELETE OR UPDATE ON public.apprentices FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('id');

--
-- Name: apprentices apprentices_forget_pupil_id; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER apprentices_forget_pupil_id BEFORE UPDATE OF anonymised_at ON public.apprentices FOR EACH ROW EXECUTE FUNCTION app_private.forget_pupil_id();

--
-- Name: apprentices apprentices_touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER apprentices_touch_updated_at BEFORE UPDATE ON public.apprentices FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

--
-- Name: audit_log audit_log_no_change; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_no_change BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_log_is_append_only();

--
-- Name: audit_log audit_log_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION app_private.audit_log_is_append_only();

--
-- Name: case_comments case_comments_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_comments_audit AFTER INSERT OR DELETE OR UPDATE ON public.case_comments FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('risk_cases', 'case_id', 'id', 'apprentice_id');

--
-- Name: case_measures case_measures_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_measures_audit AFTER INSERT OR DELETE OR UPDATE ON public.case_measures FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('risk_cases', 'case_id', 'id', 'apprentice_id');

--
-- Name: case_measures case_measures_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER case_measures_stamp BEFORE UPDATE ON public.case_measures FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: company_phases company_phases_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER company_phases_audit AFTER INSERT OR DELETE OR UPDATE ON public.company_phases FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: concerns concerns_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER concerns_audit AFTER INSERT OR DELETE OR UPDATE ON public.concerns FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: consents consents_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER consents_audit AFTER INSERT OR DELETE OR UPDATE ON public.consents FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: form_saves form_saves_forget; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER form_saves_forget AFTER INSERT ON public.form_saves FOR EACH ROW EXECUTE FUNCTION app_private.forget_old_form_saves();

--
-- Name: import_runs import_runs_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER import_runs_audit AFTER INSERT ON public.import_runs FOR EACH ROW EXECUTE FUNCTION app_private.audit_import();

--
-- Name: lf_results lf_results_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lf_results_audit AFTER INSERT OR DELETE OR UPDATE ON public.lf_results FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: lf_results lf_results_history; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lf_results_history AFTER INSERT OR UPDATE ON public.lf_results FOR EACH ROW EXECUTE FUNCTION app_private.record_grade_history();

--
-- Name: lf_results lf_results_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER lf_results_stamp BEFORE UPDATE ON public.lf_results FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: material_blobs material_blobs_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER material_blobs_check BEFORE INSERT ON public.material_blobs FOR EACH ROW EXECUTE FUNCTION app_private.material_blob_check();

--
-- Name: material_comments material_comments_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER material_comments_audit AFTER INSERT ON public.material_comments FOR EACH ROW EXECUTE FUNCTION app_private.material_audit();

--
-- Name: material_learning_fields material_learning_fields_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER material_learning_fields_audit AFTER INSERT OR DELETE ON public.material_learning_fields FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.material_topic_audit();

--
-- Name: material_positions material_positions_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER material_positions_audit AFTER INSERT OR DELETE ON public.material_positions FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.material_topic_audit();

--
-- Name: material_versions material_versions_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER material_versions_audit AFTER INSERT ON public.material_versions FOR EACH ROW EXECUTE FUNCTION app_private.material_audit();

--
-- Name: material_versions material_versions_complete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER material_versions_complete AFTER INSERT ON public.material_versions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_private.material_complete();

--
-- Name: materials materials_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER materials_audit AFTER INSERT OR UPDATE ON public.materials FOR EACH ROW EXECUTE FUNCTION app_private.material_audit();

--
-- Name: materials materials_complete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER materials_complete AFTER INSERT ON public.materials DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app_private.material_complete();

--
-- Name: materials materials_guard; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER materials_guard BEFORE UPDATE ON public.materials FOR EACH ROW EXECUTE FUNCTION app_private.material_guard();

--
-- Name: memberships memberships_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER memberships_audit AFTER INSERT OR DELETE OR UPDATE ON public.memberships FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: notes notes_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER notes_audit AFTER INSERT OR DELETE OR UPDATE ON public.notes FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: position_ratings position_ratings_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER position_ratings_audit AFTER INSERT OR DELETE OR UPDATE ON public.position_ratings FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: position_ratings position_ratings_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER position_ratings_stamp BEFORE UPDATE ON public.position_ratings FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: project_apprentices project_apprentices_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER project_apprentices_audit AFTER INSERT OR DELETE OR UPDATE ON public.project_apprentices FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: project_milestones project_milestones_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER project_milestones_stamp BEFORE UPDATE ON public.project_milestones FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: project_milestones project_milestones_trail; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER project_milestones_trail AFTER INSERT OR UPDATE ON public.project_milestones FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.project_audit();

--
-- Name: projects projects_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER projects_stamp BEFORE UPDATE ON public.projects FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: projects projects_trail; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER projects_trail AFTER UPDATE ON public.projects FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.project_audit();

--
-- Name: record_weeks record_weeks_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_weeks_audit AFTER INSERT OR DELETE OR UPDATE ON public.record_weeks FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: record_weeks record_weeks_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_weeks_stamp BEFORE UPDATE ON public.record_weeks FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: release_overrides release_overrides_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER release_overrides_audit AFTER INSERT OR DELETE OR UPDATE ON public.release_overrides FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: release_overrides release_overrides_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER release_overrides_stamp BEFORE UPDATE ON public.release_overrides FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: release_settings release_settings_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER release_settings_audit AFTER INSERT OR DELETE OR UPDATE ON public.release_settings FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: release_settings release_settings_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER release_settings_stamp BEFORE UPDATE ON public.release_settings FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: retention_settings retention_settings_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER retention_settings_audit AFTER INSERT OR DELETE OR UPDATE ON public.retention_settings FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: retention_settings retention_settings_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER retention_settings_stamp BEFORE UPDATE ON public.retention_settings FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: risk_cases risk_cases_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER risk_cases_audit AFTER INSERT OR DELETE OR UPDATE ON public.risk_cases FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row('apprentice_id');

--
-- Name: risk_cases risk_cases_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER risk_cases_stamp BEFORE UPDATE ON public.risk_cases FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: risk_thresholds risk_thresholds_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER risk_thresholds_stamp BEFORE UPDATE ON public.risk_thresholds FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: school_days_off school_days_off_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER school_days_off_audit AFTER INSERT OR DELETE OR UPDATE ON public.school_days_off FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: school_sign_in_settings school_sign_in_settings_stamp; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER school_sign_in_settings_stamp BEFORE UPDATE ON public.school_sign_in_settings FOR EACH ROW EXECUTE FUNCTION app_private.stamp_change();

--
-- Name: terms_acceptances terms_acceptances_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER terms_acceptances_audit AFTER INSERT OR DELETE OR UPDATE ON public.terms_acceptances FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: terms_versions terms_versions_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER terms_versions_audit AFTER INSERT OR DELETE OR UPDATE ON public.terms_versions FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: trainer_contacts trainer_contacts_audit; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trainer_contacts_audit AFTER INSERT OR DELETE OR UPDATE ON public.trainer_contacts FOR EACH ROW WHEN ((current_setting('role'::text) <> 'none'::text)) EXECUTE FUNCTION app_private.audit_row();

--
-- Name: trainer_contacts trainer_contacts_touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trainer_contacts_touch_updated_at BEFORE UPDATE ON public.trainer_contacts FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

--
-- Name: user_credentials user_credentials_end_sessions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER user_credentials_end_sessions AFTER UPDATE OF password_hash ON public.user_credentials FOR EACH ROW WHEN ((old.password_hash IS DISTINCT FROM new.password_hash)) EXECUTE FUNCTION app_private.end_sessions_on_password_change();

--
-- Name: absences absences_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.absences
    ADD CONSTRAINT absences_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: absences absences_proposed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.absences
    ADD CONSTRAINT absences_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: absences absences_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.absences
    ADD CONSTRAINT absences_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: absences absences_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.absences
    ADD CONSTRAINT absences_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: app_users app_users_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_users
    ADD CONSTRAINT app_users_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: apprentices apprentices_class_id_school_id_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apprentices
    ADD CONSTRAINT apprentices_class_id_school_id_occupation_id_fkey FOREIGN KEY (class_id, school_id, occupation_id) REFERENCES public.classes(id, school_id, occupation_id);

--
-- Name: apprentices apprentices_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apprentices
    ADD CONSTRAINT apprentices_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id);

--
-- Name: apprentices apprentices_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apprentices
    ADD CONSTRAINT apprentices_occupation_id_fkey FOREIGN KEY (occupation_id) REFERENCES public.occupations(id);

--
-- Name: apprentices apprentices_school_id_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apprentices
    ADD CONSTRAINT apprentices_school_id_company_id_fkey FOREIGN KEY (school_id, company_id) REFERENCES public.cooperations(school_id, company_id);

--
-- Name: apprentices apprentices_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.apprentices
    ADD CONSTRAINT apprentices_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id);

--
-- Name: auth_requests auth_requests_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auth_requests
    ADD CONSTRAINT auth_requests_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: calendar_feeds calendar_feeds_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.calendar_feeds
    ADD CONSTRAINT calendar_feeds_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: case_comments case_comments_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_comments
    ADD CONSTRAINT case_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: case_comments case_comments_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_comments
    ADD CONSTRAINT case_comments_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.risk_cases(id) ON DELETE CASCADE;

--
-- Name: case_measures case_measures_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_measures
    ADD CONSTRAINT case_measures_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.risk_cases(id) ON DELETE CASCADE;

--
-- Name: case_measures case_measures_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_measures
    ADD CONSTRAINT case_measures_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: case_measures case_measures_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_measures
    ADD CONSTRAINT case_measures_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: classes classes_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_occupation_id_fkey FOREIGN KEY (occupation_id) REFERENCES public.occupations(id);

--
-- Name: classes classes_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.classes
    ADD CONSTRAINT classes_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id);

--
-- Name: company_phases company_phases_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_phases
    ADD CONSTRAINT company_phases_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: company_phases company_phases_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.company_phases
    ADD CONSTRAINT company_phases_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: concerns concerns_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concerns
    ADD CONSTRAINT concerns_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: concerns concerns_raised_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concerns
    ADD CONSTRAINT concerns_raised_by_fkey FOREIGN KEY (raised_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: concerns concerns_resolved_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.concerns
    ADD CONSTRAINT concerns_resolved_by_fkey FOREIGN KEY (resolved_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: consents consents_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: consents consents_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: consents consents_revoked_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consents
    ADD CONSTRAINT consents_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: cooperations cooperations_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT cooperations_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id);

--
-- Name: cooperations cooperations_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT cooperations_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id);

--
-- Name: exams exams_class_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exams
    ADD CONSTRAINT exams_class_id_fkey FOREIGN KEY (class_id) REFERENCES public.classes(id) ON DELETE CASCADE;

--
-- Name: form_saves form_saves_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.form_saves
    ADD CONSTRAINT form_saves_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: import_profiles import_profiles_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_profiles
    ADD CONSTRAINT import_profiles_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: import_profiles import_profiles_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_profiles
    ADD CONSTRAINT import_profiles_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: import_runs import_runs_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: import_runs import_runs_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.import_runs
    ADD CONSTRAINT import_runs_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: inbox_seen inbox_seen_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbox_seen
    ADD CONSTRAINT inbox_seen_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: invitations invitations_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: invitations invitations_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invitations
    ADD CONSTRAINT invitations_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: joint_dates joint_dates_cooperation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.joint_dates
    ADD CONSTRAINT joint_dates_cooperation_id_fkey FOREIGN KEY (cooperation_id) REFERENCES public.cooperations(id) ON DELETE CASCADE;

--
-- Name: joint_dates joint_dates_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.joint_dates
    ADD CONSTRAINT joint_dates_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: learning_fields learning_fields_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.learning_fields
    ADD CONSTRAINT learning_fields_occupation_id_fkey FOREIGN KEY (occupation_id) REFERENCES public.occupations(id) ON DELETE CASCADE;

--
-- Name: lf_grade_history lf_grade_history_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_grade_history
    ADD CONSTRAINT lf_grade_history_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: lf_grade_history lf_grade_history_learning_field_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_grade_history
    ADD CONSTRAINT lf_grade_history_learning_field_id_fkey FOREIGN KEY (learning_field_id) REFERENCES public.learning_fields(id);

--
-- Name: lf_grade_history lf_grade_history_recorded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_grade_history
    ADD CONSTRAINT lf_grade_history_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: lf_results lf_results_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_results
    ADD CONSTRAINT lf_results_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: lf_results lf_results_learning_field_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_results
    ADD CONSTRAINT lf_results_learning_field_id_fkey FOREIGN KEY (learning_field_id) REFERENCES public.learning_fields(id);

--
-- Name: lf_results lf_results_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lf_results
    ADD CONSTRAINT lf_results_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: material_blobs material_blobs_version_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_blobs
    ADD CONSTRAINT material_blobs_version_id_fkey FOREIGN KEY (version_id) REFERENCES public.material_versions(id) ON DELETE CASCADE;

--
-- Name: material_comments material_comments_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_comments
    ADD CONSTRAINT material_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_users(id);

--
-- Name: material_comments material_comments_material_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_comments
    ADD CONSTRAINT material_comments_material_id_fkey FOREIGN KEY (material_id) REFERENCES public.materials(id);

--
-- Name: material_events material_events_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_events
    ADD CONSTRAINT material_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: material_events material_events_material_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_events
    ADD CONSTRAINT material_events_material_id_fkey FOREIGN KEY (material_id) REFERENCES public.materials(id);

--
-- Name: material_learning_fields material_learning_fields_learning_field_id_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_learning_fields
    ADD CONSTRAINT material_learning_fields_learning_field_id_occupation_id_fkey FOREIGN KEY (learning_field_id, occupation_id) REFERENCES public.learning_fields(id, occupation_id);

--
-- Name: material_learning_fields material_learning_fields_material_id_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_learning_fields
    ADD CONSTRAINT material_learning_fields_material_id_occupation_id_fkey FOREIGN KEY (material_id, occupation_id) REFERENCES public.materials(id, occupation_id);

--
-- Name: material_positions material_positions_material_id_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_positions
    ADD CONSTRAINT material_positions_material_id_occupation_id_fkey FOREIGN KEY (material_id, occupation_id) REFERENCES public.materials(id, occupation_id);

--
-- Name: material_positions material_positions_training_position_id_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_positions
    ADD CONSTRAINT material_positions_training_position_id_occupation_id_fkey FOREIGN KEY (training_position_id, occupation_id) REFERENCES public.training_positions(id, occupation_id);

--
-- Name: material_versions material_versions_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_versions
    ADD CONSTRAINT material_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: material_versions material_versions_material_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.material_versions
    ADD CONSTRAINT material_versions_material_id_fkey FOREIGN KEY (material_id) REFERENCES public.materials(id);

--
-- Name: materials materials_class_id_school_id_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_class_id_school_id_occupation_id_fkey FOREIGN KEY (class_id, school_id, occupation_id) REFERENCES public.classes(id, school_id, occupation_id);

--
-- Name: materials materials_cooperation_id_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_cooperation_id_school_id_fkey FOREIGN KEY (cooperation_id, school_id) REFERENCES public.cooperations(id, school_id);

--
-- Name: materials materials_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_occupation_id_fkey FOREIGN KEY (occupation_id) REFERENCES public.occupations(id);

--
-- Name: materials materials_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.app_users(id);

--
-- Name: materials materials_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: materials materials_withdrawn_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.materials
    ADD CONSTRAINT materials_withdrawn_by_fkey FOREIGN KEY (withdrawn_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: memberships memberships_class_id_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_class_id_school_id_fkey FOREIGN KEY (class_id, school_id) REFERENCES public.classes(id, school_id);

--
-- Name: memberships memberships_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id);

--
-- Name: memberships memberships_cooperation_id_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_cooperation_id_school_id_fkey FOREIGN KEY (cooperation_id, school_id) REFERENCES public.cooperations(id, school_id);

--
-- Name: memberships memberships_school_id_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_school_id_company_id_fkey FOREIGN KEY (school_id, company_id) REFERENCES public.cooperations(school_id, company_id);

--
-- Name: memberships memberships_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id);

--
-- Name: memberships memberships_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT memberships_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: notes notes_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: notes notes_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: pair_choices pair_choices_cooperation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pair_choices
    ADD CONSTRAINT pair_choices_cooperation_id_fkey FOREIGN KEY (cooperation_id) REFERENCES public.cooperations(id) ON DELETE CASCADE;

--
-- Name: pair_choices pair_choices_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pair_choices
    ADD CONSTRAINT pair_choices_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: password_resets password_resets_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.password_resets
    ADD CONSTRAINT password_resets_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: position_ratings position_ratings_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.position_ratings
    ADD CONSTRAINT position_ratings_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: position_ratings position_ratings_training_position_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.position_ratings
    ADD CONSTRAINT position_ratings_training_position_id_fkey FOREIGN KEY (training_position_id) REFERENCES public.training_positions(id);

--
-- Name: position_ratings position_ratings_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.position_ratings
    ADD CONSTRAINT position_ratings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: project_apprentices project_apprentices_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_apprentices
    ADD CONSTRAINT project_apprentices_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: project_apprentices project_apprentices_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_apprentices
    ADD CONSTRAINT project_apprentices_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

--
-- Name: project_cooperations project_cooperations_cooperation_id_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_cooperations
    ADD CONSTRAINT project_cooperations_cooperation_id_school_id_fkey FOREIGN KEY (cooperation_id, school_id) REFERENCES public.cooperations(id, school_id);

--
-- Name: project_cooperations project_cooperations_project_id_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_cooperations
    ADD CONSTRAINT project_cooperations_project_id_school_id_fkey FOREIGN KEY (project_id, school_id) REFERENCES public.projects(id, school_id);

--
-- Name: project_events project_events_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_events
    ADD CONSTRAINT project_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: project_events project_events_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_events
    ADD CONSTRAINT project_events_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

--
-- Name: project_learning_fields project_learning_fields_learning_field_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_learning_fields
    ADD CONSTRAINT project_learning_fields_learning_field_id_fkey FOREIGN KEY (learning_field_id) REFERENCES public.learning_fields(id);

--
-- Name: project_learning_fields project_learning_fields_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_learning_fields
    ADD CONSTRAINT project_learning_fields_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

--
-- Name: project_materials project_materials_material_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_materials
    ADD CONSTRAINT project_materials_material_id_fkey FOREIGN KEY (material_id) REFERENCES public.materials(id);

--
-- Name: project_materials project_materials_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_materials
    ADD CONSTRAINT project_materials_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

--
-- Name: project_milestones project_milestones_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_milestones
    ADD CONSTRAINT project_milestones_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: project_milestones project_milestones_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_milestones
    ADD CONSTRAINT project_milestones_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

--
-- Name: project_milestones project_milestones_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_milestones
    ADD CONSTRAINT project_milestones_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: project_positions project_positions_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_positions
    ADD CONSTRAINT project_positions_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);

--
-- Name: project_positions project_positions_training_position_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.project_positions
    ADD CONSTRAINT project_positions_training_position_id_fkey FOREIGN KEY (training_position_id) REFERENCES public.training_positions(id);

--
-- Name: projects projects_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id);

--
-- Name: projects projects_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id);

--
-- Name: projects projects_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: record_weeks record_weeks_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.record_weeks
    ADD CONSTRAINT record_weeks_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: record_weeks record_weeks_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.record_weeks
    ADD CONSTRAINT record_weeks_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: record_weeks record_weeks_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.record_weeks
    ADD CONSTRAINT record_weeks_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: release_overrides release_overrides_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_overrides
    ADD CONSTRAINT release_overrides_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: release_overrides release_overrides_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_overrides
    ADD CONSTRAINT release_overrides_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: release_settings release_settings_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_settings
    ADD CONSTRAINT release_settings_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: release_settings release_settings_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.release_settings
    ADD CONSTRAINT release_settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: retention_settings retention_settings_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.retention_settings
    ADD CONSTRAINT retention_settings_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: retention_settings retention_settings_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.retention_settings
    ADD CONSTRAINT retention_settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: risk_cases risk_cases_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_cases
    ADD CONSTRAINT risk_cases_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: risk_cases risk_cases_flag_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_cases
    ADD CONSTRAINT risk_cases_flag_id_fkey FOREIGN KEY (flag_id) REFERENCES public.risk_flags(id) ON DELETE SET NULL;

--
-- Name: risk_cases risk_cases_opened_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_cases
    ADD CONSTRAINT risk_cases_opened_by_fkey FOREIGN KEY (opened_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: risk_cases risk_cases_responsible_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_cases
    ADD CONSTRAINT risk_cases_responsible_id_fkey FOREIGN KEY (responsible_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: risk_cases risk_cases_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_cases
    ADD CONSTRAINT risk_cases_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: risk_flags risk_flags_apprentice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_flags
    ADD CONSTRAINT risk_flags_apprentice_id_fkey FOREIGN KEY (apprentice_id) REFERENCES public.apprentices(id) ON DELETE CASCADE;

--
-- Name: risk_thresholds risk_thresholds_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_thresholds
    ADD CONSTRAINT risk_thresholds_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: risk_thresholds risk_thresholds_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_thresholds
    ADD CONSTRAINT risk_thresholds_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: school_blocks school_blocks_class_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_blocks
    ADD CONSTRAINT school_blocks_class_id_fkey FOREIGN KEY (class_id) REFERENCES public.classes(id) ON DELETE CASCADE;

--
-- Name: school_blocks school_blocks_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_blocks
    ADD CONSTRAINT school_blocks_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: school_days_off school_days_off_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_days_off
    ADD CONSTRAINT school_days_off_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: school_days_off school_days_off_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_days_off
    ADD CONSTRAINT school_days_off_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: school_sign_in_settings school_sign_in_settings_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_sign_in_settings
    ADD CONSTRAINT school_sign_in_settings_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: school_sign_in_settings school_sign_in_settings_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.school_sign_in_settings
    ADD CONSTRAINT school_sign_in_settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: terms_acceptances terms_acceptances_school_id_version_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_acceptances
    ADD CONSTRAINT terms_acceptances_school_id_version_fkey FOREIGN KEY (school_id, version) REFERENCES public.terms_versions(school_id, version) ON DELETE CASCADE;

--
-- Name: terms_acceptances terms_acceptances_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_acceptances
    ADD CONSTRAINT terms_acceptances_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: terms_versions terms_versions_published_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_versions
    ADD CONSTRAINT terms_versions_published_by_fkey FOREIGN KEY (published_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: terms_versions terms_versions_school_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.terms_versions
    ADD CONSTRAINT terms_versions_school_id_fkey FOREIGN KEY (school_id) REFERENCES public.schools(id) ON DELETE CASCADE;

--
-- Name: trainer_contacts trainer_contacts_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trainer_contacts
    ADD CONSTRAINT trainer_contacts_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id);

--
-- Name: trainer_contacts trainer_contacts_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trainer_contacts
    ADD CONSTRAINT trainer_contacts_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: trainer_contacts trainer_contacts_invited_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trainer_contacts
    ADD CONSTRAINT trainer_contacts_invited_user_id_fkey FOREIGN KEY (invited_user_id) REFERENCES public.app_users(id) ON DELETE SET NULL;

--
-- Name: trainer_contacts trainer_contacts_school_id_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trainer_contacts
    ADD CONSTRAINT trainer_contacts_school_id_company_id_fkey FOREIGN KEY (school_id, company_id) REFERENCES public.cooperations(school_id, company_id);

--
-- Name: training_positions training_positions_occupation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.training_positions
    ADD CONSTRAINT training_positions_occupation_id_fkey FOREIGN KEY (occupation_id) REFERENCES public.occupations(id) ON DELETE CASCADE;

--
-- Name: user_credentials user_credentials_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_credentials
    ADD CONSTRAINT user_credentials_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: user_identities user_identities_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_identities
    ADD CONSTRAINT user_identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: user_sessions user_sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.user_sessions
    ADD CONSTRAINT user_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.app_users(id) ON DELETE CASCADE;

--
-- Name: statewide_figures; Type: ROW SECURITY; Schema: app_leadership; Owner: -
--

ALTER TABLE app_leadership.statewide_figures ENABLE ROW LEVEL SECURITY;

--
-- Name: absences; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.absences ENABLE ROW LEVEL SECURITY;

--
-- Name: absences absences_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY absences_insert ON public.absences FOR INSERT TO authenticated WITH CHECK (((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)) AND (recorded_by = ( SELECT auth.uid() AS uid))));

--
-- Name: absences absences_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY absences_select ON public.absences FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.readable_apprentice_ids('absences'::text) AS readable_apprentice_ids)));

--
-- Name: absences absences_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY absences_service ON public.absences FOR SELECT TO leokop_service USING (true);

--
-- Name: absences absences_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY absences_update ON public.absences FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids))) WITH CHECK ((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)));

--
-- Name: app_users; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.app_users ENABLE ROW LEVEL SECURITY;

--
-- Name: app_users app_users_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY app_users_insert ON public.app_users FOR INSERT TO authenticated WITH CHECK (( SELECT app_private.is_admin_anywhere() AS is_admin_anywhere));

--
-- Name: app_users app_users_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY app_users_select ON public.app_users FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR (id IN ( SELECT app_private.managed_user_ids() AS managed_user_ids)) OR (id IN ( SELECT app_private.my_unassigned_user_ids() AS my_unassigned_user_ids))));

--
-- Name: app_users app_users_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY app_users_update ON public.app_users FOR UPDATE TO authenticated USING ((id IN ( SELECT app_private.managed_user_ids() AS managed_user_ids))) WITH CHECK ((id IN ( SELECT app_private.managed_user_ids() AS managed_user_ids)));

--
-- Name: apprentices; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.apprentices ENABLE ROW LEVEL SECURITY;

--
-- Name: apprentices apprentices_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY apprentices_insert ON public.apprentices FOR INSERT TO authenticated WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: apprentices apprentices_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY apprentices_select ON public.apprentices FOR SELECT TO authenticated USING ((id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids)));

--
-- Name: apprentices apprentices_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY apprentices_service ON public.apprentices FOR SELECT TO leokop_service USING (true);

--
-- Name: apprentices apprentices_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY apprentices_update ON public.apprentices FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: audit_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log audit_log_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_log_select ON public.audit_log FOR SELECT TO authenticated USING (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) OR ((table_name = 'app_users'::text) AND (row_id IN ( SELECT (u.id)::text AS id
   FROM app_private.managed_user_ids() u(id))))));

--
-- Name: auth_requests; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.auth_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_feeds; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.calendar_feeds ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_feeds calendar_feeds_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY calendar_feeds_insert ON public.calendar_feeds FOR INSERT TO authenticated WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND (revoked_at IS NULL)));

--
-- Name: calendar_feeds calendar_feeds_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY calendar_feeds_select ON public.calendar_feeds FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: calendar_feeds calendar_feeds_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY calendar_feeds_update ON public.calendar_feeds FOR UPDATE TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) AND (revoked_at IS NULL))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: case_comments; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_comments ENABLE ROW LEVEL SECURITY;

--
-- Name: case_comments case_comments_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY case_comments_insert ON public.case_comments FOR INSERT TO authenticated WITH CHECK (((author_id = ( SELECT auth.uid() AS uid)) AND (case_id IN ( SELECT c.id
   FROM public.risk_cases c
  WHERE (((case_comments.place = 'schule'::public.learning_place) AND (c.apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids))) OR ((case_comments.place = 'betrieb'::public.learning_place) AND (c.apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))))))));

--
-- Name: case_comments case_comments_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY case_comments_select ON public.case_comments FOR SELECT TO authenticated USING ((case_id IN ( SELECT c.id
   FROM public.risk_cases c)));

--
-- Name: case_measures; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.case_measures ENABLE ROW LEVEL SECURITY;

--
-- Name: case_measures case_measures_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY case_measures_insert ON public.case_measures FOR INSERT TO authenticated WITH CHECK (((created_by = ( SELECT auth.uid() AS uid)) AND (case_id IN ( SELECT c.id
   FROM public.risk_cases c))));

--
-- Name: case_measures case_measures_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY case_measures_select ON public.case_measures FOR SELECT TO authenticated USING ((case_id IN ( SELECT c.id
   FROM public.risk_cases c)));

--
-- Name: case_measures case_measures_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY case_measures_update ON public.case_measures FOR UPDATE TO authenticated USING ((case_id IN ( SELECT c.id
   FROM public.risk_cases c))) WITH CHECK ((case_id IN ( SELECT c.id
   FROM public.risk_cases c)));

--
-- Name: classes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.classes ENABLE ROW LEVEL SECURITY;

--
-- Name: classes classes_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY classes_delete ON public.classes FOR DELETE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: classes classes_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY classes_insert ON public.classes FOR INSERT TO authenticated WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: classes classes_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY classes_select ON public.classes FOR SELECT TO authenticated USING ((id IN ( SELECT app_private.my_class_ids(true) AS my_class_ids)));

--
-- Name: classes classes_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY classes_service ON public.classes FOR SELECT TO leokop_service USING (true);

--
-- Name: classes classes_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY classes_update ON public.classes FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: companies; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.companies ENABLE ROW LEVEL SECURITY;

--
-- Name: companies companies_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY companies_insert ON public.companies FOR INSERT TO authenticated WITH CHECK (( SELECT app_private.is_admin_anywhere() AS is_admin_anywhere));

--
-- Name: companies companies_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY companies_select ON public.companies FOR SELECT TO authenticated USING ((id IN ( SELECT app_private.visible_company_ids() AS visible_company_ids)));

--
-- Name: companies companies_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY companies_update ON public.companies FOR UPDATE TO authenticated USING ((id IN ( SELECT app_private.admin_company_ids() AS admin_company_ids))) WITH CHECK ((id IN ( SELECT app_private.admin_company_ids() AS admin_company_ids)));

--
-- Name: company_phases; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.company_phases ENABLE ROW LEVEL SECURITY;

--
-- Name: company_phases company_phases_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY company_phases_delete ON public.company_phases FOR DELETE TO authenticated USING ((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)));

--
-- Name: company_phases company_phases_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY company_phases_insert ON public.company_phases FOR INSERT TO authenticated WITH CHECK (((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)) AND (created_by = ( SELECT auth.uid() AS uid))));

--
-- Name: company_phases company_phases_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY company_phases_select ON public.company_phases FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.readable_apprentice_ids(NULL::text) AS readable_apprentice_ids)));

--
-- Name: company_phases company_phases_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY company_phases_update ON public.company_phases FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))) WITH CHECK ((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)));

--
-- Name: concerns; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.concerns ENABLE ROW LEVEL SECURITY;

--
-- Name: concerns concerns_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY concerns_insert ON public.concerns FOR INSERT TO authenticated WITH CHECK (((raised_by = ( SELECT auth.uid() AS uid)) AND (((place = 'schule'::public.learning_place) AND (apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids))) OR ((place = 'betrieb'::public.learning_place) AND (apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))))));

--
-- Name: concerns concerns_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY concerns_select ON public.concerns FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids)));

--
-- Name: concerns concerns_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY concerns_service ON public.concerns FOR SELECT TO leokop_service USING (true);

--
-- Name: concerns concerns_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY concerns_update ON public.concerns FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids))) WITH CHECK (((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids)) AND (resolved_by = ( SELECT auth.uid() AS uid))));

--
-- Name: consents; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.consents ENABLE ROW LEVEL SECURITY;

--
-- Name: consents consents_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY consents_insert ON public.consents FOR INSERT TO authenticated WITH CHECK (((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids)) AND (recorded_by = ( SELECT auth.uid() AS uid)) AND (revoked_at IS NULL)));

--
-- Name: consents consents_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY consents_select ON public.consents FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)));

--
-- Name: consents consents_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY consents_update ON public.consents FOR UPDATE TO authenticated USING (((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids)) AND (revoked_at IS NULL))) WITH CHECK (((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids)) AND (revoked_by = ( SELECT auth.uid() AS uid))));

--
-- Name: cooperations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.cooperations ENABLE ROW LEVEL SECURITY;

--
-- Name: cooperations cooperations_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY cooperations_delete ON public.cooperations FOR DELETE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: cooperations cooperations_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY cooperations_insert ON public.cooperations FOR INSERT TO authenticated WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: cooperations cooperations_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY cooperations_select ON public.cooperations FOR SELECT TO authenticated USING ((id IN ( SELECT app_private.visible_cooperation_ids() AS visible_cooperation_ids)));

--
-- Name: cooperations cooperations_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY cooperations_update ON public.cooperations FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: exams; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.exams ENABLE ROW LEVEL SECURITY;

--
-- Name: exams exams_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY exams_insert ON public.exams FOR INSERT TO authenticated WITH CHECK ((class_id IN ( SELECT app_private.admin_class_ids() AS admin_class_ids)));

--
-- Name: exams exams_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY exams_select ON public.exams FOR SELECT TO authenticated USING ((class_id IN ( SELECT app_private.my_class_ids(false) AS my_class_ids)));

--
-- Name: exams exams_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY exams_service ON public.exams FOR SELECT TO leokop_service USING (true);

--
-- Name: exams exams_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY exams_update ON public.exams FOR UPDATE TO authenticated USING ((class_id IN ( SELECT app_private.admin_class_ids() AS admin_class_ids))) WITH CHECK ((class_id IN ( SELECT app_private.admin_class_ids() AS admin_class_ids)));

--
-- Name: form_saves; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.form_saves ENABLE ROW LEVEL SECURITY;

--
-- Name: form_saves form_saves_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY form_saves_insert ON public.form_saves FOR INSERT TO authenticated WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: form_saves form_saves_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY form_saves_select ON public.form_saves FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: import_profiles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: import_profiles import_profiles_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_profiles_delete ON public.import_profiles FOR DELETE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: import_profiles import_profiles_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_profiles_insert ON public.import_profiles FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: import_profiles import_profiles_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_profiles_select ON public.import_profiles FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: import_profiles import_profiles_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_profiles_update ON public.import_profiles FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: import_runs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.import_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: import_runs import_runs_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_runs_insert ON public.import_runs FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (actor_id = ( SELECT auth.uid() AS uid))));

--
-- Name: import_runs import_runs_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY import_runs_select ON public.import_runs FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: inbox_seen; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.inbox_seen ENABLE ROW LEVEL SECURITY;

--
-- Name: inbox_seen inbox_seen_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY inbox_seen_insert ON public.inbox_seen FOR INSERT TO authenticated WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: inbox_seen inbox_seen_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY inbox_seen_select ON public.inbox_seen FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: inbox_seen inbox_seen_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY inbox_seen_update ON public.inbox_seen FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: invitations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.invitations ENABLE ROW LEVEL SECURITY;

--
-- Name: invitations invitations_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY invitations_select ON public.invitations FOR SELECT TO authenticated USING ((user_id IN ( SELECT app_private.managed_user_ids() AS managed_user_ids)));

--
-- Name: joint_dates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.joint_dates ENABLE ROW LEVEL SECURITY;

--
-- Name: joint_dates joint_dates_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY joint_dates_delete ON public.joint_dates FOR DELETE TO authenticated USING ((created_by = ( SELECT auth.uid() AS uid)));

--
-- Name: joint_dates joint_dates_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY joint_dates_insert ON public.joint_dates FOR INSERT TO authenticated WITH CHECK (((created_by = ( SELECT auth.uid() AS uid)) AND (cooperation_id IN ( SELECT app_private.visible_cooperation_ids() AS visible_cooperation_ids))));

--
-- Name: joint_dates joint_dates_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY joint_dates_select ON public.joint_dates FOR SELECT TO authenticated USING ((cooperation_id IN ( SELECT app_private.visible_cooperation_ids() AS visible_cooperation_ids)));

--
-- Name: learning_fields; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.learning_fields ENABLE ROW LEVEL SECURITY;

--
-- Name: learning_fields learning_fields_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY learning_fields_select ON public.learning_fields FOR SELECT TO authenticated USING (true);

--
-- Name: learning_fields learning_fields_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY learning_fields_service ON public.learning_fields FOR SELECT TO leokop_service USING (true);

--
-- Name: lf_grade_history; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.lf_grade_history ENABLE ROW LEVEL SECURITY;

--
-- Name: lf_grade_history lf_grade_history_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY lf_grade_history_select ON public.lf_grade_history FOR SELECT TO authenticated USING (((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)) OR (apprentice_id IN ( SELECT app_private.released_company_side_ids('grades'::text) AS released_company_side_ids))));

--
-- Name: lf_grade_history lf_grade_history_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY lf_grade_history_service ON public.lf_grade_history FOR SELECT TO leokop_service USING (true);

--
-- Name: lf_results; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.lf_results ENABLE ROW LEVEL SECURITY;

--
-- Name: lf_results lf_results_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY lf_results_insert ON public.lf_results FOR INSERT TO authenticated WITH CHECK (((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: lf_results lf_results_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY lf_results_select ON public.lf_results FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.readable_apprentice_ids('grades'::text) AS readable_apprentice_ids)));

--
-- Name: lf_results lf_results_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY lf_results_service ON public.lf_results FOR SELECT TO leokop_service USING (true);

--
-- Name: lf_results lf_results_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY lf_results_update ON public.lf_results FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids))) WITH CHECK (((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: material_blobs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.material_blobs ENABLE ROW LEVEL SECURITY;

--
-- Name: material_blobs material_blobs_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_blobs_insert ON public.material_blobs FOR INSERT TO authenticated WITH CHECK ((version_id IN ( SELECT v.id
   FROM public.material_versions v
  WHERE (v.created_by = ( SELECT auth.uid() AS uid)))));

--
-- Name: material_blobs material_blobs_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_blobs_select ON public.material_blobs FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.material_versions v
  WHERE (v.id = material_blobs.version_id))));

--
-- Name: material_comments; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.material_comments ENABLE ROW LEVEL SECURITY;

--
-- Name: material_comments material_comments_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_comments_insert ON public.material_comments FOR INSERT TO authenticated WITH CHECK (((author_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.materials m
  WHERE ((m.id = material_comments.material_id) AND (m.withdrawn_at IS NULL))))));

--
-- Name: material_comments material_comments_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_comments_select ON public.material_comments FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = material_comments.material_id))));

--
-- Name: material_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.material_events ENABLE ROW LEVEL SECURITY;

--
-- Name: material_events material_events_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_events_select ON public.material_events FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = material_events.material_id))));

--
-- Name: material_learning_fields; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.material_learning_fields ENABLE ROW LEVEL SECURITY;

--
-- Name: material_learning_fields material_learning_fields_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_learning_fields_delete ON public.material_learning_fields FOR DELETE TO authenticated USING (app_private.material_is_editable(material_id));

--
-- Name: material_learning_fields material_learning_fields_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_learning_fields_insert ON public.material_learning_fields FOR INSERT TO authenticated WITH CHECK (app_private.material_is_editable(material_id));

--
-- Name: material_learning_fields material_learning_fields_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_learning_fields_select ON public.material_learning_fields FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = material_learning_fields.material_id))));

--
-- Name: material_positions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.material_positions ENABLE ROW LEVEL SECURITY;

--
-- Name: material_positions material_positions_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_positions_delete ON public.material_positions FOR DELETE TO authenticated USING (app_private.material_is_editable(material_id));

--
-- Name: material_positions material_positions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_positions_insert ON public.material_positions FOR INSERT TO authenticated WITH CHECK (app_private.material_is_editable(material_id));

--
-- Name: material_positions material_positions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_positions_select ON public.material_positions FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = material_positions.material_id))));

--
-- Name: material_versions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.material_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: material_versions material_versions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_versions_insert ON public.material_versions FOR INSERT TO authenticated WITH CHECK (((created_by = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.materials m
  WHERE ((m.id = material_versions.material_id) AND (m.withdrawn_at IS NULL))))));

--
-- Name: material_versions material_versions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY material_versions_select ON public.material_versions FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = material_versions.material_id))));

--
-- Name: materials; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.materials ENABLE ROW LEVEL SECURITY;

--
-- Name: materials materials_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY materials_insert ON public.materials FOR INSERT TO authenticated WITH CHECK (((owner_id = ( SELECT auth.uid() AS uid)) AND (withdrawn_at IS NULL) AND (cooperation_id IN ( SELECT app_private.working_cooperation_ids() AS working_cooperation_ids)) AND ((scope = 'kooperation'::public.material_scope) OR (school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) OR ((school_id, occupation_id) IN ( SELECT work_school_occupations.school_id,
    work_school_occupations.occupation_id
   FROM app_private.work_school_occupations() work_school_occupations(school_id, occupation_id)))) AND ((scope <> 'klasse'::public.material_scope) OR (school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) OR (class_id IN ( SELECT app_private.work_class_ids() AS work_class_ids)))));

--
-- Name: materials materials_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY materials_select ON public.materials FOR SELECT TO authenticated USING ((((withdrawn_at IS NULL) AND
CASE scope
    WHEN 'kooperation'::public.material_scope THEN (cooperation_id IN ( SELECT app_private.visible_cooperation_ids() AS visible_cooperation_ids))
    WHEN 'klasse'::public.material_scope THEN (class_id IN ( SELECT app_private.work_class_ids() AS work_class_ids))
    ELSE ((school_id, occupation_id) IN ( SELECT work_school_occupations.school_id,
        work_school_occupations.occupation_id
       FROM app_private.work_school_occupations() work_school_occupations(school_id, occupation_id)))
END) OR (school_id IN ( SELECT app_private.overseen_school_ids() AS overseen_school_ids)) OR (owner_id = ( SELECT auth.uid() AS uid))));

--
-- Name: materials materials_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY materials_update ON public.materials FOR UPDATE TO authenticated USING (app_private.material_is_visible(id)) WITH CHECK (app_private.material_is_visible(id));

--
-- Name: memberships; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;

--
-- Name: memberships memberships_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY memberships_delete ON public.memberships FOR DELETE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: memberships memberships_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY memberships_insert ON public.memberships FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND ((user_id IN ( SELECT app_private.managed_user_ids() AS managed_user_ids)) OR (user_id IN ( SELECT app_private.my_unassigned_user_ids() AS my_unassigned_user_ids)))));

--
-- Name: memberships memberships_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY memberships_select ON public.memberships FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR (school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))));

--
-- Name: memberships memberships_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY memberships_update ON public.memberships FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: notes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

--
-- Name: notes notes_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notes_insert ON public.notes FOR INSERT TO authenticated WITH CHECK (((author_id = ( SELECT auth.uid() AS uid)) AND (((place = 'schule'::public.learning_place) AND (apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids))) OR ((place = 'betrieb'::public.learning_place) AND (apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))))));

--
-- Name: notes notes_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notes_select ON public.notes FOR SELECT TO authenticated USING (((apprentice_id IN ( SELECT app_private.readable_apprentice_ids('teacher_notes'::text) AS readable_apprentice_ids)) OR ((place = 'betrieb'::public.learning_place) AND (apprentice_id IN ( SELECT app_private.readable_apprentice_ids(NULL::text) AS readable_apprentice_ids)))));

--
-- Name: occupations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.occupations ENABLE ROW LEVEL SECURITY;

--
-- Name: occupations occupations_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY occupations_select ON public.occupations FOR SELECT TO authenticated USING (true);

--
-- Name: pair_choices; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.pair_choices ENABLE ROW LEVEL SECURITY;

--
-- Name: pair_choices pair_choices_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY pair_choices_delete ON public.pair_choices FOR DELETE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: pair_choices pair_choices_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY pair_choices_insert ON public.pair_choices FOR INSERT TO authenticated WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND (cooperation_id IN ( SELECT app_private.visible_cooperation_ids() AS visible_cooperation_ids))));

--
-- Name: pair_choices pair_choices_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY pair_choices_select ON public.pair_choices FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: pair_choices pair_choices_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY pair_choices_update ON public.pair_choices FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND (cooperation_id IN ( SELECT app_private.visible_cooperation_ids() AS visible_cooperation_ids))));

--
-- Name: password_resets; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.password_resets ENABLE ROW LEVEL SECURITY;

--
-- Name: position_ratings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.position_ratings ENABLE ROW LEVEL SECURITY;

--
-- Name: position_ratings position_ratings_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY position_ratings_insert ON public.position_ratings FOR INSERT TO authenticated WITH CHECK (((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: position_ratings position_ratings_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY position_ratings_select ON public.position_ratings FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.readable_apprentice_ids(NULL::text) AS readable_apprentice_ids)));

--
-- Name: position_ratings position_ratings_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY position_ratings_update ON public.position_ratings FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))) WITH CHECK (((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: project_apprentices; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_apprentices ENABLE ROW LEVEL SECURITY;

--
-- Name: project_apprentices project_apprentices_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_apprentices_delete ON public.project_apprentices FOR DELETE TO authenticated USING (((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)) AND (apprentice_id IN ( SELECT a.id
   FROM public.apprentices a))));

--
-- Name: project_apprentices project_apprentices_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_apprentices_insert ON public.project_apprentices FOR INSERT TO authenticated WITH CHECK (((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)) AND (apprentice_id IN ( SELECT a.id
   FROM ((public.apprentices a
     JOIN public.cooperations c ON (((c.school_id = a.school_id) AND (c.company_id = a.company_id))))
     JOIN public.project_cooperations pc ON ((pc.cooperation_id = c.id)))
  WHERE (pc.project_id = project_apprentices.project_id)))));

--
-- Name: project_apprentices project_apprentices_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_apprentices_select ON public.project_apprentices FOR SELECT TO authenticated USING (((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)) AND (apprentice_id IN ( SELECT a.id
   FROM public.apprentices a))));

--
-- Name: project_cooperations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_cooperations ENABLE ROW LEVEL SECURITY;

--
-- Name: project_cooperations project_cooperations_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_cooperations_delete ON public.project_cooperations FOR DELETE TO authenticated USING (((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)) AND (cooperation_id IN ( SELECT app_private.working_cooperation_ids() AS working_cooperation_ids))));

--
-- Name: project_cooperations project_cooperations_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_cooperations_insert ON public.project_cooperations FOR INSERT TO authenticated WITH CHECK (((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)) AND (cooperation_id IN ( SELECT app_private.working_cooperation_ids() AS working_cooperation_ids))));

--
-- Name: project_cooperations project_cooperations_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_cooperations_select ON public.project_cooperations FOR SELECT TO authenticated USING ((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)));

--
-- Name: project_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_events ENABLE ROW LEVEL SECURITY;

--
-- Name: project_events project_events_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_events_select ON public.project_events FOR SELECT TO authenticated USING ((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)));

--
-- Name: project_learning_fields; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_learning_fields ENABLE ROW LEVEL SECURITY;

--
-- Name: project_learning_fields project_learning_fields_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_learning_fields_delete ON public.project_learning_fields FOR DELETE TO authenticated USING ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_learning_fields project_learning_fields_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_learning_fields_insert ON public.project_learning_fields FOR INSERT TO authenticated WITH CHECK ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_learning_fields project_learning_fields_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_learning_fields_select ON public.project_learning_fields FOR SELECT TO authenticated USING ((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)));

--
-- Name: project_materials; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_materials ENABLE ROW LEVEL SECURITY;

--
-- Name: project_materials project_materials_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_materials_delete ON public.project_materials FOR DELETE TO authenticated USING ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_materials project_materials_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_materials_insert ON public.project_materials FOR INSERT TO authenticated WITH CHECK (((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)) AND (EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = project_materials.material_id)))));

--
-- Name: project_materials project_materials_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_materials_select ON public.project_materials FOR SELECT TO authenticated USING (((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)) AND (EXISTS ( SELECT 1
   FROM public.materials m
  WHERE (m.id = project_materials.material_id)))));

--
-- Name: project_milestones; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_milestones ENABLE ROW LEVEL SECURITY;

--
-- Name: project_milestones project_milestones_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_milestones_delete ON public.project_milestones FOR DELETE TO authenticated USING ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_milestones project_milestones_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_milestones_insert ON public.project_milestones FOR INSERT TO authenticated WITH CHECK (((created_by = ( SELECT auth.uid() AS uid)) AND (project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids))));

--
-- Name: project_milestones project_milestones_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_milestones_select ON public.project_milestones FOR SELECT TO authenticated USING ((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)));

--
-- Name: project_milestones project_milestones_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_milestones_update ON public.project_milestones FOR UPDATE TO authenticated USING ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids))) WITH CHECK ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_positions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.project_positions ENABLE ROW LEVEL SECURITY;

--
-- Name: project_positions project_positions_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_positions_delete ON public.project_positions FOR DELETE TO authenticated USING ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_positions project_positions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_positions_insert ON public.project_positions FOR INSERT TO authenticated WITH CHECK ((project_id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: project_positions project_positions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY project_positions_select ON public.project_positions FOR SELECT TO authenticated USING ((project_id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)));

--
-- Name: projects; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;

--
-- Name: projects projects_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY projects_insert ON public.projects FOR INSERT TO authenticated WITH CHECK (((created_by = ( SELECT auth.uid() AS uid)) AND (school_id IN ( SELECT c.school_id
   FROM public.cooperations c
  WHERE (c.id IN ( SELECT app_private.working_cooperation_ids() AS working_cooperation_ids))))));

--
-- Name: projects projects_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY projects_select ON public.projects FOR SELECT TO authenticated USING ((id IN ( SELECT app_private.visible_project_ids() AS visible_project_ids)));

--
-- Name: projects projects_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY projects_update ON public.projects FOR UPDATE TO authenticated USING ((id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids))) WITH CHECK ((id IN ( SELECT app_private.editable_project_ids() AS editable_project_ids)));

--
-- Name: record_weeks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.record_weeks ENABLE ROW LEVEL SECURITY;

--
-- Name: record_weeks record_weeks_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY record_weeks_insert ON public.record_weeks FOR INSERT TO authenticated WITH CHECK ((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)));

--
-- Name: record_weeks record_weeks_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY record_weeks_select ON public.record_weeks FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.readable_apprentice_ids(NULL::text) AS readable_apprentice_ids)));

--
-- Name: record_weeks record_weeks_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY record_weeks_service ON public.record_weeks FOR SELECT TO leokop_service USING (true);

--
-- Name: record_weeks record_weeks_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY record_weeks_update ON public.record_weeks FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))) WITH CHECK (((apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids)) AND ((decided_by IS NULL) OR (decided_by = ( SELECT auth.uid() AS uid)))));

--
-- Name: release_overrides; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.release_overrides ENABLE ROW LEVEL SECURITY;

--
-- Name: release_overrides release_overrides_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_overrides_delete ON public.release_overrides FOR DELETE TO authenticated USING ((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids)));

--
-- Name: release_overrides release_overrides_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_overrides_insert ON public.release_overrides FOR INSERT TO authenticated WITH CHECK ((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids)));

--
-- Name: release_overrides release_overrides_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_overrides_select ON public.release_overrides FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)));

--
-- Name: release_overrides release_overrides_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_overrides_update ON public.release_overrides FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids))) WITH CHECK ((apprentice_id IN ( SELECT app_private.admin_apprentice_ids() AS admin_apprentice_ids)));

--
-- Name: release_settings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.release_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: release_settings release_settings_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_settings_insert ON public.release_settings FOR INSERT TO authenticated WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: release_settings release_settings_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_settings_select ON public.release_settings FOR SELECT TO authenticated USING (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) OR (school_id IN ( SELECT a.school_id
   FROM public.apprentices a
  WHERE (a.id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids))))));

--
-- Name: release_settings release_settings_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY release_settings_update ON public.release_settings FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: retention_settings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.retention_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_settings retention_settings_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY retention_settings_insert ON public.retention_settings FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: retention_settings retention_settings_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY retention_settings_select ON public.retention_settings FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: retention_settings retention_settings_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY retention_settings_update ON public.retention_settings FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: risk_cases; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.risk_cases ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_cases risk_cases_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_cases_insert ON public.risk_cases FOR INSERT TO authenticated WITH CHECK (((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids)) AND (opened_by = ( SELECT auth.uid() AS uid))));

--
-- Name: risk_cases risk_cases_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_cases_select ON public.risk_cases FOR SELECT TO authenticated USING ((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids)));

--
-- Name: risk_cases risk_cases_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_cases_update ON public.risk_cases FOR UPDATE TO authenticated USING ((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids))) WITH CHECK ((apprentice_id IN ( SELECT app_private.pair_apprentice_ids() AS pair_apprentice_ids)));

--
-- Name: risk_flags; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.risk_flags ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_flags risk_flags_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_flags_select ON public.risk_flags FOR SELECT TO authenticated USING (((apprentice_id IN ( SELECT app_private.school_side_apprentice_ids() AS school_side_apprentice_ids)) OR ((category <> ALL (ARRAY['grades'::text, 'absences'::text, 'teacher_notes'::text])) AND (apprentice_id IN ( SELECT app_private.company_side_apprentice_ids() AS company_side_apprentice_ids))) OR ((category = 'grades'::text) AND (apprentice_id IN ( SELECT app_private.released_company_side_ids('grades'::text) AS released_company_side_ids))) OR ((category = 'absences'::text) AND (apprentice_id IN ( SELECT app_private.released_company_side_ids('absences'::text) AS released_company_side_ids))) OR ((category = 'teacher_notes'::text) AND (apprentice_id IN ( SELECT app_private.released_company_side_ids('teacher_notes'::text) AS released_company_side_ids)))));

--
-- Name: risk_flags risk_flags_service_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_flags_service_insert ON public.risk_flags FOR INSERT TO leokop_service WITH CHECK (true);

--
-- Name: risk_flags risk_flags_service_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_flags_service_select ON public.risk_flags FOR SELECT TO leokop_service USING (true);

--
-- Name: risk_flags risk_flags_service_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_flags_service_update ON public.risk_flags FOR UPDATE TO leokop_service USING (true) WITH CHECK (true);

--
-- Name: risk_thresholds; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.risk_thresholds ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_thresholds risk_thresholds_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_thresholds_insert ON public.risk_thresholds FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: risk_thresholds risk_thresholds_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_thresholds_select ON public.risk_thresholds FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: risk_thresholds risk_thresholds_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_thresholds_service ON public.risk_thresholds FOR SELECT TO leokop_service USING (true);

--
-- Name: risk_thresholds risk_thresholds_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY risk_thresholds_update ON public.risk_thresholds FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (updated_by = ( SELECT auth.uid() AS uid))));

--
-- Name: schema_migrations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.schema_migrations ENABLE ROW LEVEL SECURITY;

--
-- Name: school_blocks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.school_blocks ENABLE ROW LEVEL SECURITY;

--
-- Name: school_blocks school_blocks_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_blocks_delete ON public.school_blocks FOR DELETE TO authenticated USING ((class_id IN ( SELECT app_private.school_side_class_ids() AS school_side_class_ids)));

--
-- Name: school_blocks school_blocks_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_blocks_insert ON public.school_blocks FOR INSERT TO authenticated WITH CHECK (((class_id IN ( SELECT app_private.school_side_class_ids() AS school_side_class_ids)) AND (created_by = ( SELECT auth.uid() AS uid))));

--
-- Name: school_blocks school_blocks_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_blocks_select ON public.school_blocks FOR SELECT TO authenticated USING ((class_id IN ( SELECT app_private.my_class_ids(false) AS my_class_ids)));

--
-- Name: school_blocks school_blocks_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_blocks_service ON public.school_blocks FOR SELECT TO leokop_service USING (true);

--
-- Name: school_blocks school_blocks_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_blocks_update ON public.school_blocks FOR UPDATE TO authenticated USING ((class_id IN ( SELECT app_private.school_side_class_ids() AS school_side_class_ids))) WITH CHECK ((class_id IN ( SELECT app_private.school_side_class_ids() AS school_side_class_ids)));

--
-- Name: school_days_off; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.school_days_off ENABLE ROW LEVEL SECURITY;

--
-- Name: school_days_off school_days_off_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_days_off_delete ON public.school_days_off FOR DELETE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: school_days_off school_days_off_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_days_off_insert ON public.school_days_off FOR INSERT TO authenticated WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: school_days_off school_days_off_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_days_off_select ON public.school_days_off FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.my_membership_school_ids() AS my_membership_school_ids)));

--
-- Name: school_days_off school_days_off_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_days_off_service ON public.school_days_off FOR SELECT TO leokop_service USING (true);

--
-- Name: school_holidays; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.school_holidays ENABLE ROW LEVEL SECURITY;

--
-- Name: school_holidays school_holidays_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_holidays_select ON public.school_holidays FOR SELECT TO authenticated USING (true);

--
-- Name: school_holidays school_holidays_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_holidays_service ON public.school_holidays FOR SELECT TO leokop_service USING (true);

--
-- Name: school_sign_in_settings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.school_sign_in_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: school_sign_in_settings school_sign_in_settings_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_sign_in_settings_insert ON public.school_sign_in_settings FOR INSERT TO authenticated WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: school_sign_in_settings school_sign_in_settings_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_sign_in_settings_select ON public.school_sign_in_settings FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: school_sign_in_settings school_sign_in_settings_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY school_sign_in_settings_update ON public.school_sign_in_settings FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: schools; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.schools ENABLE ROW LEVEL SECURITY;

--
-- Name: schools schools_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY schools_select ON public.schools FOR SELECT TO authenticated USING (true);

--
-- Name: schools schools_service; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY schools_service ON public.schools FOR SELECT TO leokop_service USING (true);

--
-- Name: sso_sign_ins; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sso_sign_ins ENABLE ROW LEVEL SECURITY;

--
-- Name: terms_acceptances; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.terms_acceptances ENABLE ROW LEVEL SECURITY;

--
-- Name: terms_acceptances terms_acceptances_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_acceptances_insert ON public.terms_acceptances FOR INSERT TO authenticated WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND (school_id IN ( SELECT app_private.my_membership_school_ids() AS my_membership_school_ids))));

--
-- Name: terms_acceptances terms_acceptances_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_acceptances_select ON public.terms_acceptances FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR (school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))));

--
-- Name: terms_versions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.terms_versions ENABLE ROW LEVEL SECURITY;

--
-- Name: terms_versions terms_versions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_versions_insert ON public.terms_versions FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (published_by = ( SELECT auth.uid() AS uid))));

--
-- Name: terms_versions terms_versions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY terms_versions_select ON public.terms_versions FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.my_membership_school_ids() AS my_membership_school_ids)));

--
-- Name: trainer_contacts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.trainer_contacts ENABLE ROW LEVEL SECURITY;

--
-- Name: trainer_contacts trainer_contacts_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY trainer_contacts_insert ON public.trainer_contacts FOR INSERT TO authenticated WITH CHECK (((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)) AND (created_by = ( SELECT auth.uid() AS uid))));

--
-- Name: trainer_contacts trainer_contacts_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY trainer_contacts_select ON public.trainer_contacts FOR SELECT TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: trainer_contacts trainer_contacts_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY trainer_contacts_update ON public.trainer_contacts FOR UPDATE TO authenticated USING ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role))) WITH CHECK ((school_id IN ( SELECT app_private.school_ids_with_role('admin'::public.app_role) AS school_ids_with_role)));

--
-- Name: training_positions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.training_positions ENABLE ROW LEVEL SECURITY;

--
-- Name: training_positions training_positions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY training_positions_select ON public.training_positions FOR SELECT TO authenticated USING (true);

--
-- Name: user_credentials; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.user_credentials ENABLE ROW LEVEL SECURITY;

--
-- Name: user_identities; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.user_identities ENABLE ROW LEVEL SECURITY;

--
-- Name: user_identities user_identities_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY user_identities_select ON public.user_identities FOR SELECT TO authenticated USING (((user_id = ( SELECT auth.uid() AS uid)) OR (user_id IN ( SELECT app_private.managed_user_ids() AS managed_user_ids))));

--
-- Name: user_sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.user_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: user_sessions user_sessions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY user_sessions_select ON public.user_sessions FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: SCHEMA app_auth; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_auth TO leokop_app;

--
-- Name: SCHEMA app_private; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_private TO authenticated;
GRANT USAGE ON SCHEMA app_private TO leokop_service;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO authenticated;
GRANT USAGE ON SCHEMA public TO leokop_service;

--
-- Name: FUNCTION calendar_feed_owner(p_token_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.calendar_feed_owner(p_token_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.calendar_feed_owner(p_token_sha256 text) TO leokop_app;

--
-- Name: FUNCTION calendar_feed_served(p_token_sha256 text, p_etag text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.calendar_feed_served(p_token_sha256 text, p_etag text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.calendar_feed_served(p_token_sha256 text, p_etag text) TO leokop_app;

--
-- Name: FUNCTION invitation_accept(p_token_sha256 text, p_password_hash text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.invitation_accept(p_token_sha256 text, p_password_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.invitation_accept(p_token_sha256 text, p_password_hash text) TO leokop_app;

--
-- Name: FUNCTION invitation_lookup(p_token_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.invitation_lookup(p_token_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.invitation_lookup(p_token_sha256 text) TO leokop_app;

--
-- Name: FUNCTION login_client_allowed(p_client_sha256 text, p_limit integer); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.login_client_allowed(p_client_sha256 text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.login_client_allowed(p_client_sha256 text, p_limit integer) TO leokop_app;

--
-- Name: FUNCTION login_client_failed(p_client_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.login_client_failed(p_client_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.login_client_failed(p_client_sha256 text) TO leokop_app;

--
-- Name: FUNCTION login_record(p_username text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.login_record(p_username text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.login_record(p_username text) TO leokop_app;

--
-- Name: FUNCTION password_login_refused(p_username text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.password_login_refused(p_username text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.password_login_refused(p_username text) TO leokop_app;

--
-- Name: FUNCTION password_reset_lookup(p_token_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.password_reset_lookup(p_token_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.password_reset_lookup(p_token_sha256 text) TO leokop_app;

--
-- Name: FUNCTION password_reset_request(p_login text, p_token_sha256 text, p_client_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.password_reset_request(p_login text, p_token_sha256 text, p_client_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.password_reset_request(p_login text, p_token_sha256 text, p_client_sha256 text) TO leokop_app;

--
-- Name: FUNCTION password_reset_use(p_token_sha256 text, p_password_hash text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.password_reset_use(p_token_sha256 text, p_password_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.password_reset_use(p_token_sha256 text, p_password_hash text) TO leokop_app;

--
-- Name: FUNCTION record_login_attempt(p_username text, p_success boolean); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.record_login_attempt(p_username text, p_success boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.record_login_attempt(p_username text, p_success boolean) TO leokop_app;

--
-- Name: FUNCTION session_check(p_session_id uuid); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.session_check(p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.session_check(p_session_id uuid) TO leokop_app;

--
-- Name: FUNCTION session_claim(p_handoff_sha256 text, p_token_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.session_claim(p_handoff_sha256 text, p_token_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.session_claim(p_handoff_sha256 text, p_token_sha256 text) TO leokop_app;

--
-- Name: FUNCTION session_end_by_token(p_token_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.session_end_by_token(p_token_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.session_end_by_token(p_token_sha256 text) TO leokop_app;

--
-- Name: FUNCTION session_resume(p_token_sha256 text); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.session_resume(p_token_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.session_resume(p_token_sha256 text) TO leokop_app;

--
-- Name: FUNCTION sso_link_invitation(p_token_sha256 text, p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.sso_link_invitation(p_token_sha256 text, p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.sso_link_invitation(p_token_sha256 text, p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone) TO leokop_app;

--
-- Name: FUNCTION sso_sign_in(p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone, p_email text, p_email_verified boolean); Type: ACL; Schema: app_auth; Owner: -
--

REVOKE ALL ON FUNCTION app_auth.sso_sign_in(p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone, p_email text, p_email_verified boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_auth.sso_sign_in(p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamp with time zone, p_email text, p_email_verified boolean) TO leokop_app;

--
-- Name: FUNCTION absences(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.absences(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION activity(p_class_ids uuid[], p_year integer, p_from timestamp with time zone, p_to timestamp with time zone); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.activity(p_class_ids uuid[], p_year integer, p_from timestamp with time zone, p_to timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION cases(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.cases(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION classes(p_school_ids uuid[], p_year integer); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.classes(p_school_ids uuid[], p_year integer) FROM PUBLIC;

--
-- Name: FUNCTION classes_computed(p_school_ids uuid[], p_year integer); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.classes_computed(p_school_ids uuid[], p_year integer) FROM PUBLIC;

--
-- Name: FUNCTION cohort(p_school_ids uuid[], p_year integer); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.cohort(p_school_ids uuid[], p_year integer) FROM PUBLIC;

--
-- Name: FUNCTION cohort_of_classes(p_class_ids uuid[], p_year integer); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.cohort_of_classes(p_class_ids uuid[], p_year integer) FROM PUBLIC;

--
-- Name: FUNCTION cooperations(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.cooperations(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION dissolutions(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.dissolutions(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION grades(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.grades(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION headcounts(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.headcounts(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION measures(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.measures(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION monday_on_or_after(p_day date); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.monday_on_or_after(p_day date) FROM PUBLIC;

--
-- Name: FUNCTION monday_on_or_before(p_day date); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.monday_on_or_before(p_day date) FROM PUBLIC;

--
-- Name: FUNCTION record_book(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.record_book(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION today(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.today() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.today() TO authenticated;
GRANT ALL ON FUNCTION app_private.today() TO leokop_service;

--
-- Name: FUNCTION school_year_start(p_day date); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.school_year_start(p_day date) FROM PUBLIC;
GRANT ALL ON FUNCTION public.school_year_start(p_day date) TO authenticated;

--
-- Name: FUNCTION refresh_statewide(p_year integer); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.refresh_statewide(p_year integer) FROM PUBLIC;

--
-- Name: FUNCTION risks(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.risks(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION selected(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.selected(p_school_ids uuid[], p_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION shared_materials(p_school_ids uuid[], p_from timestamp with time zone, p_to timestamp with time zone); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.shared_materials(p_school_ids uuid[], p_from timestamp with time zone, p_to timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION statewide(p_year integer, p_classes boolean); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.statewide(p_year integer, p_classes boolean) FROM PUBLIC;

--
-- Name: FUNCTION window_of(p_year integer); Type: ACL; Schema: app_leadership; Owner: -
--

REVOKE ALL ON FUNCTION app_leadership.window_of(p_year integer) FROM PUBLIC;

--
-- Name: FUNCTION access_set(p_set text, p_category text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.access_set(p_set text, p_category text) FROM PUBLIC;

--
-- Name: TABLE memberships; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.memberships TO authenticated;

--
-- Name: COLUMN memberships.active; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(active) ON TABLE public.memberships TO authenticated;

--
-- Name: FUNCTION active_memberships(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.active_memberships() FROM PUBLIC;

--
-- Name: FUNCTION admin_apprentice_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.admin_apprentice_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.admin_apprentice_ids() TO authenticated;

--
-- Name: FUNCTION admin_class_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.admin_class_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.admin_class_ids() TO authenticated;

--
-- Name: FUNCTION admin_company_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.admin_company_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.admin_company_ids() TO authenticated;

--
-- Name: FUNCTION anonymise_apprentice(p_apprentice_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.anonymise_apprentice(p_apprentice_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION apprentice_rows_condition(p_table text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.apprentice_rows_condition(p_table text) FROM PUBLIC;

--
-- Name: FUNCTION apprentice_tables(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.apprentice_tables() FROM PUBLIC;

--
-- Name: FUNCTION attach_audit_triggers(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.attach_audit_triggers() FROM PUBLIC;

--
-- Name: FUNCTION audit_event(p_action text, p_apprentice_id uuid, p_role text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.audit_event(p_action text, p_apprentice_id uuid, p_role text) FROM PUBLIC;

--
-- Name: FUNCTION audit_import(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.audit_import() FROM PUBLIC;

--
-- Name: FUNCTION audit_log_is_append_only(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.audit_log_is_append_only() FROM PUBLIC;

--
-- Name: FUNCTION audit_row(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.audit_row() FROM PUBLIC;

--
-- Name: FUNCTION auth_request_allowed(p_kind text, p_account uuid, p_client_sha256 text, p_per_account integer, p_per_client integer); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.auth_request_allowed(p_kind text, p_account uuid, p_client_sha256 text, p_per_account integer, p_per_client integer) FROM PUBLIC;

--
-- Name: FUNCTION change_text(p_label text, p_old text, p_new text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.change_text(p_label text, p_old text, p_new text) FROM PUBLIC;

--
-- Name: FUNCTION classes_of_my_apprentices(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.classes_of_my_apprentices() FROM PUBLIC;

--
-- Name: FUNCTION classes_of_my_pairs(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.classes_of_my_pairs() FROM PUBLIC;

--
-- Name: FUNCTION company_side_apprentice_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.company_side_apprentice_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.company_side_apprentice_ids() TO authenticated;

--
-- Name: FUNCTION editable_project_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.editable_project_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.editable_project_ids() TO authenticated;

--
-- Name: FUNCTION end_sessions_on_password_change(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.end_sessions_on_password_change() FROM PUBLIC;

--
-- Name: FUNCTION forget_old_form_saves(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.forget_old_form_saves() FROM PUBLIC;

--
-- Name: FUNCTION forget_pupil_id(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.forget_pupil_id() FROM PUBLIC;

--
-- Name: FUNCTION is_admin_anywhere(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_admin_anywhere() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.is_admin_anywhere() TO authenticated;

--
-- Name: FUNCTION is_released(p_apprentice_id uuid, p_category text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.is_released(p_apprentice_id uuid, p_category text) FROM PUBLIC;

--
-- Name: FUNCTION keep(p_setting text, p_key text, p_value jsonb); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.keep(p_setting text, p_key text, p_value jsonb) FROM PUBLIC;

--
-- Name: FUNCTION kept(p_setting text, p_key text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.kept(p_setting text, p_key text) FROM PUBLIC;

--
-- Name: FUNCTION leadership_check(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.leadership_check(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION leadership_school_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.leadership_school_ids() FROM PUBLIC;

--
-- Name: FUNCTION learning_place_text(p_place public.learning_place); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.learning_place_text(p_place public.learning_place) FROM PUBLIC;

--
-- Name: FUNCTION managed_user_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.managed_user_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.managed_user_ids() TO authenticated;

--
-- Name: FUNCTION material_audience(p_scope public.material_scope, p_class_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_audience(p_scope public.material_scope, p_class_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION material_audit(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_audit() FROM PUBLIC;

--
-- Name: FUNCTION material_blob_check(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_blob_check() FROM PUBLIC;

--
-- Name: FUNCTION material_complete(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_complete() FROM PUBLIC;

--
-- Name: FUNCTION material_guard(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_guard() FROM PUBLIC;

--
-- Name: FUNCTION material_is_editable(p_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_is_editable(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.material_is_editable(p_id uuid) TO authenticated;

--
-- Name: FUNCTION material_is_visible(p_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_is_visible(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.material_is_visible(p_id uuid) TO authenticated;

--
-- Name: FUNCTION material_topic_audit(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.material_topic_audit() FROM PUBLIC;

--
-- Name: FUNCTION my_apprentice_sides(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.my_apprentice_sides() FROM PUBLIC;

--
-- Name: FUNCTION my_apprentice_sides_computed(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.my_apprentice_sides_computed() FROM PUBLIC;

--
-- Name: FUNCTION my_class_ids(p_with_leadership boolean); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.my_class_ids(p_with_leadership boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.my_class_ids(p_with_leadership boolean) TO authenticated;

--
-- Name: FUNCTION my_membership_school_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.my_membership_school_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.my_membership_school_ids() TO authenticated;

--
-- Name: FUNCTION my_pairs(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.my_pairs() FROM PUBLIC;

--
-- Name: FUNCTION my_unassigned_user_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.my_unassigned_user_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.my_unassigned_user_ids() TO authenticated;

--
-- Name: FUNCTION now(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.now() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.now() TO authenticated;
GRANT ALL ON FUNCTION app_private.now() TO leokop_service;

--
-- Name: FUNCTION overseen_school_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.overseen_school_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.overseen_school_ids() TO authenticated;

--
-- Name: FUNCTION pair_apprentice_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.pair_apprentice_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.pair_apprentice_ids() TO authenticated;

--
-- Name: FUNCTION pair_emails(p_apprentice_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.pair_emails(p_apprentice_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.pair_emails(p_apprentice_id uuid) TO leokop_service;

--
-- Name: FUNCTION project_audit(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.project_audit() FROM PUBLIC;

--
-- Name: FUNCTION readable_apprentice_ids(p_category text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.readable_apprentice_ids(p_category text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.readable_apprentice_ids(p_category text) TO authenticated;

--
-- Name: FUNCTION record_grade_history(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.record_grade_history() FROM PUBLIC;

--
-- Name: FUNCTION released_apprentice_ids(p_category text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.released_apprentice_ids(p_category text) FROM PUBLIC;

--
-- Name: FUNCTION released_categories(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.released_categories() FROM PUBLIC;

--
-- Name: FUNCTION released_company_side_ids(p_category text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.released_company_side_ids(p_category text) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.released_company_side_ids(p_category text) TO authenticated;

--
-- Name: FUNCTION retention_due(p_today date); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.retention_due(p_today date) FROM PUBLIC;

--
-- Name: FUNCTION school_ids_with_role(p_role public.app_role); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.school_ids_with_role(p_role public.app_role) FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.school_ids_with_role(p_role public.app_role) TO authenticated;

--
-- Name: FUNCTION school_side_apprentice_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.school_side_apprentice_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.school_side_apprentice_ids() TO authenticated;

--
-- Name: FUNCTION school_side_class_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.school_side_class_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.school_side_class_ids() TO authenticated;

--
-- Name: FUNCTION session_open(p_session_id uuid); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.session_open(p_session_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION sso_account(p_issuer text, p_subject text); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.sso_account(p_issuer text, p_subject text) FROM PUBLIC;

--
-- Name: FUNCTION sso_fresh(p_once_sha256 text, p_issued_at timestamp with time zone); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.sso_fresh(p_once_sha256 text, p_issued_at timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION stamp_change(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.stamp_change() FROM PUBLIC;

--
-- Name: FUNCTION teacher_class_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.teacher_class_ids() FROM PUBLIC;

--
-- Name: FUNCTION terms_accepted_school_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.terms_accepted_school_ids() FROM PUBLIC;

--
-- Name: FUNCTION visible_company_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.visible_company_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.visible_company_ids() TO authenticated;

--
-- Name: FUNCTION visible_cooperation_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.visible_cooperation_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.visible_cooperation_ids() TO authenticated;

--
-- Name: FUNCTION visible_project_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.visible_project_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.visible_project_ids() TO authenticated;

--
-- Name: FUNCTION work_class_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.work_class_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.work_class_ids() TO authenticated;

--
-- Name: FUNCTION work_school_occupations(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.work_school_occupations() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.work_school_occupations() TO authenticated;

--
-- Name: FUNCTION working_cooperation_ids(); Type: ACL; Schema: app_private; Owner: -
--

REVOKE ALL ON FUNCTION app_private.working_cooperation_ids() FROM PUBLIC;
GRANT ALL ON FUNCTION app_private.working_cooperation_ids() TO authenticated;

--
-- Name: FUNCTION admin_set_password(p_user_id uuid, p_new_hash text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.admin_set_password(p_user_id uuid, p_new_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.admin_set_password(p_user_id uuid, p_new_hash text) TO authenticated;

--
-- Name: FUNCTION change_own_password(p_new_hash text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.change_own_password(p_new_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.change_own_password(p_new_hash text) TO authenticated;

--
-- Name: FUNCTION import_find_companies(p_school_id uuid, p_names text[], p_postcodes text[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.import_find_companies(p_school_id uuid, p_names text[], p_postcodes text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.import_find_companies(p_school_id uuid, p_names text[], p_postcodes text[]) TO authenticated;

--
-- Name: FUNCTION invitation_issue(p_user_id uuid, p_token_sha256 text, p_client_sha256 text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.invitation_issue(p_user_id uuid, p_token_sha256 text, p_client_sha256 text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.invitation_issue(p_user_id uuid, p_token_sha256 text, p_client_sha256 text) TO authenticated;

--
-- Name: FUNCTION invitation_withdraw(p_invitation_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.invitation_withdraw(p_invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.invitation_withdraw(p_invitation_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_absences(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_absences(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_absences(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_cases(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_cases(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_cases(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_cooperations(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_cooperations(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_cooperations(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_dissolutions(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_dissolutions(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_dissolutions(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_filter_options(p_school_id uuid, p_school_year integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_filter_options(p_school_id uuid, p_school_year integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_filter_options(p_school_id uuid, p_school_year integer) TO authenticated;

--
-- Name: FUNCTION leadership_grades(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_grades(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_grades(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_headcounts(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_headcounts(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_headcounts(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_measures(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_measures(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_measures(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_record_book(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_record_book(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_record_book(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_risks(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_risks(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_risks(p_school_id uuid, p_school_year integer, p_occupation_id uuid, p_class_id uuid) TO authenticated;

--
-- Name: FUNCTION leadership_schools(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.leadership_schools() FROM PUBLIC;
GRANT ALL ON FUNCTION public.leadership_schools() TO authenticated;

--
-- Name: FUNCTION material_document(p_title text, p_description text, p_tags text[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.material_document(p_title text, p_description text, p_tags text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.material_document(p_title text, p_description text, p_tags text[]) TO authenticated;

--
-- Name: FUNCTION pair_people(p_apprentice_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.pair_people(p_apprentice_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.pair_people(p_apprentice_id uuid) TO authenticated;

--
-- Name: FUNCTION propose_excuse(p_absence_id uuid, p_version integer, p_comment text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.propose_excuse(p_absence_id uuid, p_version integer, p_comment text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.propose_excuse(p_absence_id uuid, p_version integer, p_comment text) TO authenticated;

--
-- Name: FUNCTION record_apprentice_view(p_apprentice_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.record_apprentice_view(p_apprentice_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.record_apprentice_view(p_apprentice_id uuid) TO authenticated;

--
-- Name: FUNCTION record_refused_view(p_kind text, p_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.record_refused_view(p_kind text, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.record_refused_view(p_kind text, p_id uuid) TO authenticated;

--
-- Name: FUNCTION retention_preview(p_today date); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.retention_preview(p_today date) FROM PUBLIC;
GRANT ALL ON FUNCTION public.retention_preview(p_today date) TO authenticated;

--
-- Name: FUNCTION session_end(p_session_id uuid, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.session_end(p_session_id uuid, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.session_end(p_session_id uuid, p_reason text) TO authenticated;

--
-- Name: FUNCTION session_start(p_handoff_sha256 text, p_user_agent text, p_idle_minutes integer, p_max_hours integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.session_start(p_handoff_sha256 text, p_user_agent text, p_idle_minutes integer, p_max_hours integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.session_start(p_handoff_sha256 text, p_user_agent text, p_idle_minutes integer, p_max_hours integer) TO authenticated;

--
-- Name: FUNCTION subject_access_export(p_apprentice_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.subject_access_export(p_apprentice_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.subject_access_export(p_apprentice_id uuid) TO authenticated;

--
-- Name: FUNCTION touch_updated_at(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.touch_updated_at() FROM PUBLIC;

--
-- Name: FUNCTION user_display_name(p_user_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.user_display_name(p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.user_display_name(p_user_id uuid) TO authenticated;

--
-- Name: FUNCTION username_taken(p_username text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.username_taken(p_username text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.username_taken(p_username text) TO authenticated;

--
-- Name: TABLE absences; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.absences TO authenticated;
GRANT SELECT ON TABLE public.absences TO leokop_service;

--
-- Name: COLUMN absences.lessons; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(lessons) ON TABLE public.absences TO authenticated;

--
-- Name: COLUMN absences.excused; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(excused) ON TABLE public.absences TO authenticated;

--
-- Name: COLUMN absences.excuse_state; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(excuse_state) ON TABLE public.absences TO authenticated;

--
-- Name: COLUMN absences.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.absences TO authenticated;

--
-- Name: TABLE app_users; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.app_users TO authenticated;

--
-- Name: COLUMN app_users.id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(id) ON TABLE public.app_users TO authenticated;

--
-- Name: COLUMN app_users.username; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(username) ON TABLE public.app_users TO authenticated;

--
-- Name: COLUMN app_users.display_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(display_name),UPDATE(display_name) ON TABLE public.app_users TO authenticated;

--
-- Name: COLUMN app_users.email; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(email),UPDATE(email) ON TABLE public.app_users TO authenticated;

--
-- Name: COLUMN app_users.active; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(active) ON TABLE public.app_users TO authenticated;

--
-- Name: TABLE apprentices; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.apprentices TO authenticated;
GRANT SELECT ON TABLE public.apprentices TO leokop_service;

--
-- Name: COLUMN apprentices.id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(id) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.first_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(first_name),UPDATE(first_name) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.last_name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(last_name),UPDATE(last_name) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.birth_date; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(birth_date),UPDATE(birth_date) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.school_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(school_id),UPDATE(school_id) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.class_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(class_id),UPDATE(class_id) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.company_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(company_id),UPDATE(company_id) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.occupation_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(occupation_id),UPDATE(occupation_id) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.track; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(track),UPDATE(track) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.contract_start; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contract_start),UPDATE(contract_start) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.contract_end; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(contract_end),UPDATE(contract_end) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.probation_end; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(probation_end),UPDATE(probation_end) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.status; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(status),UPDATE(status) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.dissolved_on; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(dissolved_on),UPDATE(dissolved_on) ON TABLE public.apprentices TO authenticated;

--
-- Name: COLUMN apprentices.pupil_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(pupil_id),UPDATE(pupil_id) ON TABLE public.apprentices TO authenticated;

--
-- Name: TABLE audit_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.audit_log TO authenticated;

--
-- Name: COLUMN calendar_feeds.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.calendar_feeds TO authenticated;

--
-- Name: COLUMN calendar_feeds.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id) ON TABLE public.calendar_feeds TO authenticated;

--
-- Name: COLUMN calendar_feeds.token_sha256; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(token_sha256) ON TABLE public.calendar_feeds TO authenticated;

--
-- Name: COLUMN calendar_feeds.with_names; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(with_names),INSERT(with_names),UPDATE(with_names) ON TABLE public.calendar_feeds TO authenticated;

--
-- Name: COLUMN calendar_feeds.created_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_at) ON TABLE public.calendar_feeds TO authenticated;

--
-- Name: COLUMN calendar_feeds.revoked_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(revoked_at),UPDATE(revoked_at) ON TABLE public.calendar_feeds TO authenticated;

--
-- Name: TABLE case_comments; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.case_comments TO authenticated;

--
-- Name: TABLE case_measures; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.case_measures TO authenticated;

--
-- Name: COLUMN case_measures.done_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(done_at) ON TABLE public.case_measures TO authenticated;

--
-- Name: TABLE classes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.classes TO authenticated;
GRANT SELECT ON TABLE public.classes TO leokop_service;

--
-- Name: TABLE companies; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.companies TO authenticated;

--
-- Name: TABLE company_phases; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.company_phases TO authenticated;

--
-- Name: COLUMN company_phases.title; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(title) ON TABLE public.company_phases TO authenticated;

--
-- Name: COLUMN company_phases.department; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(department) ON TABLE public.company_phases TO authenticated;

--
-- Name: COLUMN company_phases.starts_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(starts_on) ON TABLE public.company_phases TO authenticated;

--
-- Name: COLUMN company_phases.ends_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(ends_on) ON TABLE public.company_phases TO authenticated;

--
-- Name: COLUMN company_phases.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.company_phases TO authenticated;

--
-- Name: TABLE concerns; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.concerns TO authenticated;
GRANT SELECT ON TABLE public.concerns TO leokop_service;

--
-- Name: COLUMN concerns.resolved_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(resolved_at) ON TABLE public.concerns TO authenticated;

--
-- Name: COLUMN concerns.resolved_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(resolved_by) ON TABLE public.concerns TO authenticated;

--
-- Name: TABLE consents; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.consents TO authenticated;

--
-- Name: COLUMN consents.revoked_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(revoked_at) ON TABLE public.consents TO authenticated;

--
-- Name: COLUMN consents.revoked_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(revoked_by) ON TABLE public.consents TO authenticated;

--
-- Name: COLUMN consents.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.consents TO authenticated;

--
-- Name: TABLE cooperations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.cooperations TO authenticated;

--
-- Name: TABLE exams; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.exams TO authenticated;
GRANT SELECT ON TABLE public.exams TO leokop_service;

--
-- Name: COLUMN form_saves.token; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(token),INSERT(token) ON TABLE public.form_saves TO authenticated;

--
-- Name: TABLE import_profiles; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.import_profiles TO authenticated;

--
-- Name: COLUMN import_profiles.mapping; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(mapping) ON TABLE public.import_profiles TO authenticated;

--
-- Name: COLUMN import_profiles.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_by) ON TABLE public.import_profiles TO authenticated;

--
-- Name: COLUMN import_profiles.updated_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_at) ON TABLE public.import_profiles TO authenticated;

--
-- Name: TABLE import_runs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.import_runs TO authenticated;

--
-- Name: TABLE inbox_seen; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.inbox_seen TO authenticated;

--
-- Name: COLUMN invitations.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.invitations TO authenticated;

--
-- Name: COLUMN invitations.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id) ON TABLE public.invitations TO authenticated;

--
-- Name: COLUMN invitations.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.invitations TO authenticated;

--
-- Name: COLUMN invitations.created_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_at) ON TABLE public.invitations TO authenticated;

--
-- Name: COLUMN invitations.valid_until; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(valid_until) ON TABLE public.invitations TO authenticated;

--
-- Name: COLUMN invitations.ended_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ended_at) ON TABLE public.invitations TO authenticated;

--
-- Name: COLUMN invitations.end_reason; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(end_reason) ON TABLE public.invitations TO authenticated;

--
-- Name: TABLE joint_dates; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.joint_dates TO authenticated;

--
-- Name: TABLE learning_fields; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.learning_fields TO authenticated;
GRANT SELECT ON TABLE public.learning_fields TO leokop_service;

--
-- Name: TABLE lf_grade_history; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.lf_grade_history TO authenticated;
GRANT SELECT ON TABLE public.lf_grade_history TO leokop_service;

--
-- Name: TABLE lf_results; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.lf_results TO authenticated;
GRANT SELECT ON TABLE public.lf_results TO leokop_service;

--
-- Name: TABLE material_blobs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.material_blobs TO authenticated;

--
-- Name: TABLE material_comments; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.material_comments TO authenticated;

--
-- Name: COLUMN material_comments.id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(id) ON TABLE public.material_comments TO authenticated;

--
-- Name: COLUMN material_comments.material_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(material_id) ON TABLE public.material_comments TO authenticated;

--
-- Name: COLUMN material_comments.author_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(author_id) ON TABLE public.material_comments TO authenticated;

--
-- Name: COLUMN material_comments.body; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(body) ON TABLE public.material_comments TO authenticated;

--
-- Name: TABLE material_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.material_events TO authenticated;

--
-- Name: TABLE material_learning_fields; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.material_learning_fields TO authenticated;

--
-- Name: TABLE material_positions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.material_positions TO authenticated;

--
-- Name: TABLE material_versions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(id) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.material_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(material_id) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.number; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(number) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.filename; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(filename) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.mime; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(mime) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.size_bytes; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(size_bytes) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.sha256; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(sha256) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.storage_key; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(storage_key) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.note; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(note) ON TABLE public.material_versions TO authenticated;

--
-- Name: COLUMN material_versions.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(created_by) ON TABLE public.material_versions TO authenticated;

--
-- Name: TABLE materials; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(id) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.cooperation_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(cooperation_id) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.school_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(school_id) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.occupation_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(occupation_id) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.scope; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(scope),UPDATE(scope) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.class_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(class_id),UPDATE(class_id) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.kind; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(kind),UPDATE(kind) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.title; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(title),UPDATE(title) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.description; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(description),UPDATE(description) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.url; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(url),UPDATE(url) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.tags; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(tags),UPDATE(tags) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.current_version; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(current_version),UPDATE(current_version) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.owner_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(owner_id) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.withdrawn_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(withdrawn_at) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.withdrawn_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(withdrawn_by) ON TABLE public.materials TO authenticated;

--
-- Name: COLUMN materials.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.materials TO authenticated;

--
-- Name: TABLE notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.notes TO authenticated;

--
-- Name: TABLE occupations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.occupations TO authenticated;

--
-- Name: TABLE pair_choices; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.pair_choices TO authenticated;

--
-- Name: TABLE position_ratings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.position_ratings TO authenticated;

--
-- Name: TABLE project_apprentices; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.project_apprentices TO authenticated;

--
-- Name: TABLE project_cooperations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.project_cooperations TO authenticated;

--
-- Name: TABLE project_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.project_events TO authenticated;

--
-- Name: TABLE project_learning_fields; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.project_learning_fields TO authenticated;

--
-- Name: TABLE project_materials; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.project_materials TO authenticated;

--
-- Name: TABLE project_milestones; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.project_milestones TO authenticated;

--
-- Name: COLUMN project_milestones.title; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(title) ON TABLE public.project_milestones TO authenticated;

--
-- Name: COLUMN project_milestones.due_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(due_on) ON TABLE public.project_milestones TO authenticated;

--
-- Name: COLUMN project_milestones.done_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(done_at) ON TABLE public.project_milestones TO authenticated;

--
-- Name: COLUMN project_milestones.place; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(place) ON TABLE public.project_milestones TO authenticated;

--
-- Name: COLUMN project_milestones.description; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(description) ON TABLE public.project_milestones TO authenticated;

--
-- Name: TABLE project_positions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.project_positions TO authenticated;

--
-- Name: TABLE projects; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.title; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(title) ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.goal; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(goal) ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.starts_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(starts_on) ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.ends_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(ends_on) ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.updated_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_at) ON TABLE public.projects TO authenticated;

--
-- Name: COLUMN projects.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.projects TO authenticated;

--
-- Name: TABLE record_weeks; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.record_weeks TO authenticated;
GRANT SELECT ON TABLE public.record_weeks TO leokop_service;

--
-- Name: COLUMN record_weeks.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.record_weeks TO authenticated;

--
-- Name: COLUMN record_weeks.trainer_comment; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(trainer_comment) ON TABLE public.record_weeks TO authenticated;

--
-- Name: COLUMN record_weeks.decided_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decided_at) ON TABLE public.record_weeks TO authenticated;

--
-- Name: COLUMN record_weeks.decided_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(decided_by) ON TABLE public.record_weeks TO authenticated;

--
-- Name: COLUMN record_weeks.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.record_weeks TO authenticated;

--
-- Name: TABLE release_overrides; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.release_overrides TO authenticated;

--
-- Name: TABLE release_settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.release_settings TO authenticated;

--
-- Name: TABLE retention_settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.retention_settings TO authenticated;

--
-- Name: TABLE risk_cases; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.risk_cases TO authenticated;

--
-- Name: COLUMN risk_cases.status; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(status) ON TABLE public.risk_cases TO authenticated;

--
-- Name: COLUMN risk_cases.responsible_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(responsible_id) ON TABLE public.risk_cases TO authenticated;

--
-- Name: COLUMN risk_cases.closed_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(closed_at) ON TABLE public.risk_cases TO authenticated;

--
-- Name: COLUMN risk_cases.closing_reason; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(closing_reason) ON TABLE public.risk_cases TO authenticated;

--
-- Name: COLUMN risk_cases.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.risk_cases TO authenticated;

--
-- Name: TABLE risk_flags; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.risk_flags TO authenticated;
GRANT SELECT,INSERT,UPDATE ON TABLE public.risk_flags TO leokop_service;

--
-- Name: TABLE risk_thresholds; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.risk_thresholds TO authenticated;
GRANT SELECT ON TABLE public.risk_thresholds TO leokop_service;

--
-- Name: TABLE school_blocks; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE ON TABLE public.school_blocks TO authenticated;
GRANT SELECT ON TABLE public.school_blocks TO leokop_service;

--
-- Name: COLUMN school_blocks.starts_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(starts_on) ON TABLE public.school_blocks TO authenticated;

--
-- Name: COLUMN school_blocks.ends_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(ends_on) ON TABLE public.school_blocks TO authenticated;

--
-- Name: COLUMN school_blocks.note; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(note) ON TABLE public.school_blocks TO authenticated;

--
-- Name: COLUMN school_blocks.version; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(version) ON TABLE public.school_blocks TO authenticated;

--
-- Name: TABLE school_days_off; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,DELETE ON TABLE public.school_days_off TO authenticated;
GRANT SELECT ON TABLE public.school_days_off TO leokop_service;

--
-- Name: COLUMN school_days_off.school_id; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(school_id) ON TABLE public.school_days_off TO authenticated;

--
-- Name: COLUMN school_days_off.name; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(name) ON TABLE public.school_days_off TO authenticated;

--
-- Name: COLUMN school_days_off.starts_on; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(starts_on) ON TABLE public.school_days_off TO authenticated;

--
-- Name: COLUMN school_days_off.ends_on; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(ends_on) ON TABLE public.school_days_off TO authenticated;

--
-- Name: COLUMN school_days_off.source; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(source) ON TABLE public.school_days_off TO authenticated;

--
-- Name: COLUMN school_days_off.ics_uid; Type: ACL; Schema: public; Owner: -
--

GRANT INSERT(ics_uid) ON TABLE public.school_days_off TO authenticated;

--
-- Name: TABLE school_holidays; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.school_holidays TO authenticated;
GRANT SELECT ON TABLE public.school_holidays TO leokop_service;

--
-- Name: TABLE schools; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.schools TO authenticated;
GRANT SELECT ON TABLE public.schools TO leokop_service;

--
-- Name: TABLE school_calendar; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.school_calendar TO authenticated;
GRANT SELECT ON TABLE public.school_calendar TO leokop_service;

--
-- Name: TABLE school_sign_in_settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.school_sign_in_settings TO authenticated;

--
-- Name: TABLE terms_acceptances; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.terms_acceptances TO authenticated;

--
-- Name: TABLE terms_versions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.terms_versions TO authenticated;

--
-- Name: TABLE trainer_contacts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.trainer_contacts TO authenticated;

--
-- Name: COLUMN trainer_contacts.first_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(first_name) ON TABLE public.trainer_contacts TO authenticated;

--
-- Name: COLUMN trainer_contacts.last_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(last_name) ON TABLE public.trainer_contacts TO authenticated;

--
-- Name: COLUMN trainer_contacts.email; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(email) ON TABLE public.trainer_contacts TO authenticated;

--
-- Name: COLUMN trainer_contacts.invited_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(invited_user_id) ON TABLE public.trainer_contacts TO authenticated;

--
-- Name: TABLE training_positions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.training_positions TO authenticated;

--
-- Name: COLUMN user_identities.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.user_identities TO authenticated;

--
-- Name: COLUMN user_identities.issuer; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(issuer) ON TABLE public.user_identities TO authenticated;

--
-- Name: COLUMN user_identities.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id) ON TABLE public.user_identities TO authenticated;

--
-- Name: COLUMN user_identities.linked_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(linked_by) ON TABLE public.user_identities TO authenticated;

--
-- Name: COLUMN user_identities.linked_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(linked_at) ON TABLE public.user_identities TO authenticated;

--
-- Name: COLUMN user_identities.last_used; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_used) ON TABLE public.user_identities TO authenticated;

--
-- Name: COLUMN user_sessions.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.created_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_at) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.last_seen_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_seen_at) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.idle_minutes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(idle_minutes) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(expires_at) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.user_agent; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_agent) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.ended_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ended_at) ON TABLE public.user_sessions TO authenticated;

--
-- Name: COLUMN user_sessions.end_reason; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(end_reason) ON TABLE public.user_sessions TO authenticated;

--
-- PostgreSQL database dump complete
--
