-- Issuer profiles (the awarding body): one default per tool instance, optionally one per platform registration.
create table issuer_profile (
    id              bigint auto_increment primary key,
    name            varchar(255)  not null,
    url             varchar(1024),
    email           varchar(320),
    country         varchar(64),
    description     varchar(4000),
    registration_id bigint,
    is_default      boolean       not null default false,
    created_at      bigint        not null,
    constraint uq_issuer_registration unique (registration_id)
);
alter table badge_class add column issuer_id bigint;
