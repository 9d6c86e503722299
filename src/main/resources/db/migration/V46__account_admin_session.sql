-- an administrator signed in through an OpenID Connect provider whose claim names them admin: a server-side session
create table account_admin_session (
    id_hash    varchar(64)  primary key,
    name       varchar(255) not null,
    issuer     varchar(255) not null,
    subject    varchar(255) not null,
    created_at bigint       not null,
    expires_at bigint       not null
);
