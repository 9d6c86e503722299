-- Learners whose LMS shares no email give one in the badge panel and confirm it with a code.
create table email_verification (
    context_id  bigint       not null,
    user_sub    varchar(255) not null,
    email       varchar(320) not null,
    code_hash   char(64)     not null,
    expires_at  bigint       not null,
    attempts    int          not null default 0,
    primary key (context_id, user_sub)
);
