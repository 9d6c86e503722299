-- Approval criteria: a learner asks (with a short evidence note or URL), a teacher approves or denies.
create table approval_request (
    id            varchar(36)   primary key,
    badge_id      varchar(36)   not null,
    context_id    bigint        not null,
    user_sub      varchar(255)  not null,
    criterion_key varchar(100)  not null,
    evidence      varchar(2000),
    status        varchar(16)   not null,
    requested_at  bigint        not null,
    decided_at    bigint,
    decided_by    varchar(255),
    decision_note varchar(1000),
    constraint uq_approval unique (badge_id, context_id, user_sub, criterion_key)
);
