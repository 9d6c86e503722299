-- A learner may decline an award they were sent (and accept it later while it is not revoked): declined awards get no
-- reminders and no credential, and their public data answers as a private award's.
alter table award add column declined_at bigint;
