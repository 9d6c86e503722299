-- The salt of an award's hashed recipient identity (Open Badges: sha256$ + hex(sha256(email + salt))).
alter table award add column recipient_salt varchar(32);
