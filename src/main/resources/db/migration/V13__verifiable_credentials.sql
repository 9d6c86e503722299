-- Open Badges 3.0: credential signing keys (private parts encrypted with a key from configuration; kept for as
-- long as credentials signed with them exist), the issued credentials with their status list index, settings
-- that must stay stable (issuer id, context URL), award visibility and suspension (award.evidence exists since V3).

create table credential_key (
    kid                varchar(64)  primary key,
    algorithm          varchar(16)  not null,
    public_jwk         text         not null,
    private_encrypted  text         not null,
    created_at         bigint       not null
);

create table credential_setting (
    name   varchar(64)   primary key,
    val    varchar(1000) not null
);

-- rows that serialise the creation of the first credential key of each algorithm (select ... for update)
insert into credential_setting (name, val) values ('key-lock-Ed25519', '-');
insert into credential_setting (name, val) values ('key-lock-RS256', '-');

create table ob3_credential (
    award_id        varchar(36)  primary key,
    credential_id   varchar(64)  not null,
    issuer_id       varchar(500) not null,
    status_index    int          not null,
    di_kid          varchar(64)  not null,
    jwt_kid         varchar(64)  not null,
    credential_json mediumtext   not null,
    credential_jwt  mediumtext   not null,
    issued_at       bigint       not null,
    constraint uq_ob3_status_index unique (status_index)
);

alter table award add column public_visible boolean default false not null;
alter table award add column suspended_at bigint;
alter table award add column suspend_reason varchar(1000);
