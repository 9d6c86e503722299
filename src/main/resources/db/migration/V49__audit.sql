-- The audit trail (module audit): one row per recorded change, written in the changing transaction, append-only; rows
-- leave only by the retention purge (badgebridge.audit.retention). No email addresses: a person is an LMS subject or an
-- account reference.
create table audit_event (
    id             bigint auto_increment primary key,
    occurred_at    bigint        not null,
    actor_kind     varchar(16)   not null,
    actor_name     varchar(255),
    action         varchar(48)   not null,
    registration_id bigint,
    context_id     bigint,
    course_title   varchar(255),
    badge_id       varchar(36),
    badge_name     varchar(255),
    person         varchar(255),
    award_id       varchar(36),
    detail         varchar(500),
    correlation_id varchar(64)
);
create index ix_audit_event_time on audit_event (occurred_at, id);
create index ix_audit_event_action on audit_event (action, occurred_at);
create index ix_audit_event_context on audit_event (context_id, occurred_at);
create index ix_audit_event_badge on audit_event (badge_id, occurred_at);
create index ix_audit_event_person on audit_event (person, occurred_at);
create index ix_audit_event_course_title on audit_event (course_title);
