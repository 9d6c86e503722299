-- Course sync (line items, results, roster, sync records), badge criteria and awarding state, awards, the
-- mail outbox and claim links, and Quartz's clustered job store (table names as Quartz writes them, with a
-- lower-case prefix: MySQL table names are case-sensitive on Linux).

alter table badge_class add column criteria text;
alter table badge_class add column active boolean not null default false;
alter table badge_class add column resource_link_lineitem varchar(1024);

alter table course_member add column status varchar(16) not null default 'Active';
alter table course_member add column in_roster boolean not null default false;

create table course_line_item (
    id              bigint auto_increment primary key,
    context_id      bigint        not null,
    url_hash        char(64)      not null,
    lineitem_url    varchar(1024) not null,
    label           varchar(255),
    score_maximum   double,
    resource_id     varchar(255),
    tag             varchar(255),
    lms_link_id     varchar(255),
    last_seen_at    bigint        not null,
    constraint uq_course_line_item unique (context_id, url_hash),
    constraint fk_line_item_context foreign key (context_id) references course_context (id) on delete cascade
);

create table course_result (
    line_item_id bigint       not null,
    user_sub     varchar(255) not null,
    score        double,
    maximum      double,
    result_at    bigint,
    changed_at   bigint       not null,
    primary key (line_item_id, user_sub),
    constraint fk_result_line_item foreign key (line_item_id) references course_line_item (id) on delete cascade
);

create table course_sync (
    context_id        bigint primary key,
    last_started_at   bigint,
    last_finished_at  bigint,
    duration_ms       bigint,
    outcome           varchar(16),
    error             varchar(2000),
    requests          int,
    changed_results   int,
    last_activity_at  bigint,
    constraint fk_sync_context foreign key (context_id) references course_context (id) on delete cascade
);

create table award (
    id            varchar(36)  primary key,
    badge_id      varchar(36)  not null,
    context_id    bigint       not null,
    user_sub      varchar(255) not null,
    recipient_name  varchar(255),
    recipient_email varchar(320),
    locale        varchar(32),
    awarded_at    bigint       not null,
    awarded_by    varchar(255) not null,
    reason        varchar(1000),
    revoked_at    bigint,
    revoked_by    varchar(255),
    revoke_reason varchar(1000),
    claimed_at    bigint,
    evidence      text,
    constraint uq_award unique (badge_id, context_id, user_sub)
);

create table award_log (
    id         bigint auto_increment primary key,
    award_id   varchar(36),
    badge_id   varchar(36)  not null,
    user_sub   varchar(255) not null,
    action     varchar(32)  not null,
    actor      varchar(255) not null,
    reason     varchar(1000),
    at         bigint       not null
);

create table mail_outbox (
    id            varchar(36)   primary key,
    dedup_key     varchar(255)  not null,
    recipient     varchar(320)  not null,
    subject       varchar(500)  not null,
    text_body     text          not null,
    html_body     text          not null,
    status        varchar(16)   not null,
    attempts      int           not null default 0,
    next_attempt_at bigint      not null,
    last_error    varchar(2000),
    created_at    bigint        not null,
    sent_at       bigint,
    constraint uq_mail_dedup unique (dedup_key)
);
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);

create table claim_link (
    token_hash  char(64)     primary key,
    award_id    varchar(36)  not null,
    expires_at  bigint       not null,
    created_at  bigint       not null,
    used_at     bigint
);
create index ix_claim_link_award on claim_link (award_id);

create table qrtz_JOB_DETAILS (
    SCHED_NAME        varchar(120) not null,
    JOB_NAME          varchar(190) not null,
    JOB_GROUP         varchar(190) not null,
    DESCRIPTION       varchar(250),
    JOB_CLASS_NAME    varchar(250) not null,
    IS_DURABLE        boolean      not null,
    IS_NONCONCURRENT  boolean      not null,
    IS_UPDATE_DATA    boolean      not null,
    REQUESTS_RECOVERY boolean      not null,
    JOB_DATA          blob,
    primary key (SCHED_NAME, JOB_NAME, JOB_GROUP)
);

create table qrtz_TRIGGERS (
    SCHED_NAME     varchar(120) not null,
    TRIGGER_NAME   varchar(190) not null,
    TRIGGER_GROUP  varchar(190) not null,
    JOB_NAME       varchar(190) not null,
    JOB_GROUP      varchar(190) not null,
    DESCRIPTION    varchar(250),
    NEXT_FIRE_TIME bigint,
    PREV_FIRE_TIME bigint,
    PRIORITY       integer,
    TRIGGER_STATE  varchar(16)  not null,
    TRIGGER_TYPE   varchar(8)   not null,
    START_TIME     bigint       not null,
    END_TIME       bigint,
    CALENDAR_NAME  varchar(190),
    MISFIRE_INSTR  smallint,
    JOB_DATA       blob,
    primary key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    foreign key (SCHED_NAME, JOB_NAME, JOB_GROUP) references qrtz_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
);

create table qrtz_SIMPLE_TRIGGERS (
    SCHED_NAME      varchar(120) not null,
    TRIGGER_NAME    varchar(190) not null,
    TRIGGER_GROUP   varchar(190) not null,
    REPEAT_COUNT    bigint       not null,
    REPEAT_INTERVAL bigint       not null,
    TIMES_TRIGGERED bigint       not null,
    primary key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    foreign key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) references qrtz_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
);

create table qrtz_CRON_TRIGGERS (
    SCHED_NAME      varchar(120) not null,
    TRIGGER_NAME    varchar(190) not null,
    TRIGGER_GROUP   varchar(190) not null,
    CRON_EXPRESSION varchar(120) not null,
    TIME_ZONE_ID    varchar(80),
    primary key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    foreign key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) references qrtz_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
);

create table qrtz_SIMPROP_TRIGGERS (
    SCHED_NAME    varchar(120) not null,
    TRIGGER_NAME  varchar(190) not null,
    TRIGGER_GROUP varchar(190) not null,
    STR_PROP_1    varchar(512),
    STR_PROP_2    varchar(512),
    STR_PROP_3    varchar(512),
    INT_PROP_1    int,
    INT_PROP_2    int,
    LONG_PROP_1   bigint,
    LONG_PROP_2   bigint,
    DEC_PROP_1    numeric(13, 4),
    DEC_PROP_2    numeric(13, 4),
    BOOL_PROP_1   boolean,
    BOOL_PROP_2   boolean,
    primary key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    foreign key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) references qrtz_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
);

create table qrtz_BLOB_TRIGGERS (
    SCHED_NAME    varchar(120) not null,
    TRIGGER_NAME  varchar(190) not null,
    TRIGGER_GROUP varchar(190) not null,
    BLOB_DATA     blob,
    primary key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    foreign key (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) references qrtz_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
);

create table qrtz_CALENDARS (
    SCHED_NAME    varchar(120) not null,
    CALENDAR_NAME varchar(190) not null,
    CALENDAR      blob         not null,
    primary key (SCHED_NAME, CALENDAR_NAME)
);

create table qrtz_PAUSED_TRIGGER_GRPS (
    SCHED_NAME    varchar(120) not null,
    TRIGGER_GROUP varchar(190) not null,
    primary key (SCHED_NAME, TRIGGER_GROUP)
);

create table qrtz_FIRED_TRIGGERS (
    SCHED_NAME        varchar(120) not null,
    ENTRY_ID          varchar(95)  not null,
    TRIGGER_NAME      varchar(190) not null,
    TRIGGER_GROUP     varchar(190) not null,
    INSTANCE_NAME     varchar(190) not null,
    FIRED_TIME        bigint       not null,
    SCHED_TIME        bigint       not null,
    PRIORITY          integer      not null,
    STATE             varchar(16)  not null,
    JOB_NAME          varchar(190),
    JOB_GROUP         varchar(190),
    IS_NONCONCURRENT  boolean,
    REQUESTS_RECOVERY boolean,
    primary key (SCHED_NAME, ENTRY_ID)
);

create table qrtz_SCHEDULER_STATE (
    SCHED_NAME        varchar(120) not null,
    INSTANCE_NAME     varchar(190) not null,
    LAST_CHECKIN_TIME bigint       not null,
    CHECKIN_INTERVAL  bigint       not null,
    primary key (SCHED_NAME, INSTANCE_NAME)
);

create table qrtz_LOCKS (
    SCHED_NAME varchar(120) not null,
    LOCK_NAME  varchar(40)  not null,
    primary key (SCHED_NAME, LOCK_NAME)
);

create index idx_qrtz_j_req_recovery on qrtz_JOB_DETAILS (SCHED_NAME, REQUESTS_RECOVERY);
create index idx_qrtz_j_grp on qrtz_JOB_DETAILS (SCHED_NAME, JOB_GROUP);
create index idx_qrtz_t_j on qrtz_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
create index idx_qrtz_t_jg on qrtz_TRIGGERS (SCHED_NAME, JOB_GROUP);
create index idx_qrtz_t_c on qrtz_TRIGGERS (SCHED_NAME, CALENDAR_NAME);
create index idx_qrtz_t_g on qrtz_TRIGGERS (SCHED_NAME, TRIGGER_GROUP);
create index idx_qrtz_t_state on qrtz_TRIGGERS (SCHED_NAME, TRIGGER_STATE);
create index idx_qrtz_t_n_state on qrtz_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP, TRIGGER_STATE);
create index idx_qrtz_t_n_g_state on qrtz_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_STATE);
create index idx_qrtz_t_next_fire_time on qrtz_TRIGGERS (SCHED_NAME, NEXT_FIRE_TIME);
create index idx_qrtz_t_nft_st on qrtz_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME);
create index idx_qrtz_t_nft_misfire on qrtz_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME);
create index idx_qrtz_t_nft_st_misfire on qrtz_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_STATE);
create index idx_qrtz_t_nft_st_misfire_grp on qrtz_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_GROUP, TRIGGER_STATE);
create index idx_qrtz_ft_trig_inst_name on qrtz_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME);
create index idx_qrtz_ft_inst_job_req_rcvry on qrtz_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);
create index idx_qrtz_ft_j_g on qrtz_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
create index idx_qrtz_ft_jg on qrtz_FIRED_TRIGGERS (SCHED_NAME, JOB_GROUP);
create index idx_qrtz_ft_t_g on qrtz_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP);
create index idx_qrtz_ft_tg on qrtz_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_GROUP);
