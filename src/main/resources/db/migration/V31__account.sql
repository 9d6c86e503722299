-- Accounts of the learner's own place (the backpack): a set of verified addresses, the LMS identities linked to it,
-- one-time sign-in links, backpack sessions, addresses waiting for their mailed link, and merge requests.
create table account (
    id         varchar(36) primary key,
    created_at bigint      not null,
    merged_into varchar(36)
);

create table account_address (
    address     varchar(320) primary key,
    account_id  varchar(36)  not null,
    verified_at bigint       not null,
    constraint fk_address_account foreign key (account_id) references account (id)
);
create index ix_account_address_account on account_address (account_id);

-- the awards claimed into an account (whatever address the award itself kept: the course's may have come later)
create table account_award (
    award_id   varchar(36) primary key,
    account_id varchar(36) not null,
    claimed_at bigint      not null
);
create index ix_account_award_account on account_award (account_id);

create table account_lms_identity (
    registration_id bigint       not null,
    subject         varchar(255) not null,
    account_id      varchar(36)  not null,
    linked_at       bigint       not null,
    constraint pk_account_lms_identity primary key (registration_id, subject),
    constraint fk_identity_account foreign key (account_id) references account (id)
);

create table account_sign_in (
    token_hash varchar(64)  primary key,
    address    varchar(320) not null,
    expires_at bigint       not null,
    used_at    bigint
);

create table account_session (
    id_hash    varchar(64) primary key,
    account_id varchar(36) not null,
    created_at bigint      not null,
    expires_at bigint      not null
);
create index ix_account_session_account on account_session (account_id);

create table account_address_check (
    token_hash varchar(64)  primary key,
    account_id varchar(36)  not null,
    address    varchar(320) not null,
    expires_at bigint       not null
);

create table account_merge (
    id               varchar(36)  primary key,
    account_id       varchar(36)  not null,
    other_account_id varchar(36)  not null,
    address          varchar(320) not null,
    confirmed_by_account boolean  not null default false,
    confirmed_by_other   boolean  not null default false,
    created_at       bigint       not null,
    done_at          bigint
);

-- Every address that claimed an award proved itself: each becomes an account (its id the smallest id of the address's
-- claimed awards, a UUID of no other account), the address verified at its first claim. The address is the award's, else the learner's in
-- the course at the time (what the claim mail went to).
insert into account (id, created_at)
select min(c.award_id), min(c.claimed_at)
from (select a.id as award_id, a.claimed_at as claimed_at, lower(trim(coalesce(a.recipient_email, m.email))) as address
      from award a left join course_member m on m.context_id = a.context_id and m.user_sub = a.user_sub
      where a.claimed_at is not null and coalesce(a.recipient_email, m.email) is not null) c
where c.address <> ''
group by c.address;

insert into account_address (address, account_id, verified_at)
select c.address, min(c.award_id), min(c.claimed_at)
from (select a.id as award_id, a.claimed_at as claimed_at, lower(trim(coalesce(a.recipient_email, m.email))) as address
      from award a left join course_member m on m.context_id = a.context_id and m.user_sub = a.user_sub
      where a.claimed_at is not null and coalesce(a.recipient_email, m.email) is not null) c
where c.address <> ''
group by c.address;

insert into account_award (award_id, account_id, claimed_at)
select c.award_id, d.account_id, c.claimed_at
from (select a.id as award_id, a.claimed_at as claimed_at, lower(trim(coalesce(a.recipient_email, m.email))) as address
      from award a left join course_member m on m.context_id = a.context_id and m.user_sub = a.user_sub
      where a.claimed_at is not null and coalesce(a.recipient_email, m.email) is not null) c
join account_address d on d.address = c.address;
