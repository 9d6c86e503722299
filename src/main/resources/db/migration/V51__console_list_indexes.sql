-- The admin's lists sort and filter in the database: the outbox by when a mail was queued, awards by when they were
-- made and claimed (the dashboard's weeks count by these too).
create index ix_mail_outbox_created on mail_outbox (created_at);
create index ix_award_awarded on award (awarded_at);
create index ix_award_claimed on award (claimed_at);
