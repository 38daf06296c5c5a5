-- Trainer contacts turned into invitations (issue 16, decision 92): the school's admin invites every contact of an
-- import that has an e-mail address and no account yet, in one step; the contact then names the account its
-- invitation made (invited_user_id, the seam sql/029 left), so that the next step invites no one twice. The column
-- is the admin's to set, as the contact's other columns are (the policies of sql/029 limit it to the admin's
-- schools; the account itself is made through the admin's own RLS, leokop/repo/invitations.py).
grant update (invited_user_id) on public.trainer_contacts to authenticated;
