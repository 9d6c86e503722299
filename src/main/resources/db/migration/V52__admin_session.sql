-- an administrator signed in by the sign-in form: a server-side session (only the SHA-256 of its random id stored),
-- ending when idle too long (last_seen_at) or at its absolute end (expires_at)
create table admin_session (
    id_hash      varchar(64)  primary key,
    username     varchar(255) not null,
    address      varchar(64)  not null,
    created_at   bigint       not null,
    last_seen_at bigint       not null,
    expires_at   bigint       not null
);

create index ix_admin_session_expires on admin_session (expires_at);
