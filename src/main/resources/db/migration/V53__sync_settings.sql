-- Sync intervals set by the admin: per platform registration (with its request budget) and per course.
-- A missing value means the configured default (badgebridge.sync.*).
create table course_sync_setting (
    registration_id     bigint primary key,
    active_ms           bigint,
    idle_ms             bigint,
    requests_per_minute int,
    updated_at          bigint not null,
    constraint fk_sync_setting_registration foreign key (registration_id)
        references platform_registration (id) on delete cascade
);

create table course_sync_override (
    context_id  bigint primary key,
    active_ms   bigint,
    idle_ms     bigint,
    updated_at  bigint not null,
    constraint fk_sync_override_context foreign key (context_id) references course_context (id) on delete cascade
);
