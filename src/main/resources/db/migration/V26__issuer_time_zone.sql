-- The time zone an issuer's pages and mails show times in (stored times stay UTC epoch milliseconds).
alter table issuer_profile add column time_zone varchar(64) not null default 'Europe/Amsterdam';
