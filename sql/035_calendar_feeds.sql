-- A calendar feed for each teacher and trainer (issue 16): a personal subscription address
-- /kalender/<token>.ics that Outlook, Google or Apple calendars fetch without a login (leokop/web.py).
--
-- Only the sha256 of the token is stored: a copy of the database (a backup) opens no feed. One live feed per user
-- (partial unique index); renewing revokes the live one and creates another, revoking sets revoked_at. Revoked rows
-- stay (when and by whom an address stopped working), their hashes answer no request.
--
-- The HTTP route runs outside any session, as the app's login role leokop_app: it may only call the two app_auth
-- functions below, which map a token to its live, active owner and keep the feed's content stamp. The events
-- themselves are then read as that user (Database.user_tx), so row-level security decides what the feed shows.

create table public.calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.app_users on delete cascade,
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  with_names boolean not null default false,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  -- the content the feed last served (its ETag) and since when (Last-Modified); written by the route only
  content_etag text,
  content_changed_at timestamptz
);
create unique index calendar_feeds_live_idx on public.calendar_feeds (user_id) where revoked_at is null;
create index calendar_feeds_user_idx on public.calendar_feeds (user_id, created_at);

alter table public.calendar_feeds enable row level security;
-- The user's own feeds only. The token hash is never readable, not even the own (the page shows the address once,
-- when it is made); a new feed is the hash and the names choice, a change is the names choice or the revocation.
grant select (id, user_id, with_names, created_at, revoked_at),
  insert (token_sha256, with_names),
  update (with_names, revoked_at)
  on public.calendar_feeds to authenticated;
create policy calendar_feeds_select on public.calendar_feeds for select to authenticated
  using (user_id = (select auth.uid()));
create policy calendar_feeds_insert on public.calendar_feeds for insert to authenticated
  with check (user_id = (select auth.uid()) and revoked_at is null);
create policy calendar_feeds_update on public.calendar_feeds for update to authenticated
  using (user_id = (select auth.uid()) and revoked_at is null)
  with check (user_id = (select auth.uid()));

-- The route's lookup: the live feed of an active user with this token hash (nothing for a revoked token, a
-- deactivated user or an unknown hash).
create function app_auth.calendar_feed_owner(p_token_sha256 text)
returns table (feed_id uuid, user_id uuid, with_names boolean, content_etag text, content_changed_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select f.id, f.user_id, f.with_names, f.content_etag, f.content_changed_at
  from public.calendar_feeds f
  join public.app_users u on u.id = f.user_id
  where f.token_sha256 = p_token_sha256 and f.revoked_at is null and u.active
$$;
revoke all on function app_auth.calendar_feed_owner(text) from public;
grant execute on function app_auth.calendar_feed_owner(text) to leokop_app;

-- The route serves content with this ETag: when it differs from the last one served, it is new since now. Returns
-- the moment the content last changed (the feed's Last-Modified). Only the content stamp of a live feed changes.
create function app_auth.calendar_feed_served(p_token_sha256 text, p_etag text)
returns timestamptz
language sql volatile security definer set search_path = ''
as $$
  update public.calendar_feeds f
  set content_etag = p_etag,
      content_changed_at = case when f.content_etag is distinct from p_etag or f.content_changed_at is null
                                then now() else f.content_changed_at end
  where f.token_sha256 = p_token_sha256 and f.revoked_at is null
  returning f.content_changed_at
$$;
revoke all on function app_auth.calendar_feed_served(text, text) from public;
grant execute on function app_auth.calendar_feed_served(text, text) to leokop_app;
