-- Badge classes a teacher lists in the public catalogue.
alter table badge_class add column in_catalogue boolean not null default false;
