-- Privacy of the backpack (module account). Holders who switched reminder mails off for all their awards:
create table account_reminder_optout (
    account_id varchar(36) primary key,
    created_at bigint      not null
);

-- What deleting an account and the retention purges did, and when: append-only, counts only (no address, no name,
-- no account or award id).
create table account_audit (
    id         bigint auto_increment primary key,
    action     varchar(32) not null,
    at         bigint      not null,
    awards     int         not null,
    addresses  int         not null,
    identities int         not null,
    sessions   int         not null,
    links      int         not null
);
create index ix_account_sign_in_expires on account_sign_in (expires_at);
create index ix_account_session_expires on account_session (expires_at);
create index ix_account_address_check_expires on account_address_check (expires_at);
