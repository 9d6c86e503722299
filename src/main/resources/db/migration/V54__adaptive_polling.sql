-- Adaptive polling: each course's last teacher action, whether the next sync reads everything, and when the
-- roster was last read (with how many results then belonged to users outside it).
create table course_poll (
    context_id           bigint primary key,
    teacher_at           bigint,
    read_all             boolean not null default true,
    roster_read_at       bigint,
    outside_after_roster int not null default 0,
    constraint fk_poll_context foreign key (context_id) references course_context (id) on delete cascade
);

-- The requests each platform's syncs made in the current minute, shared by every node.
create table course_request_budget (
    registration_id bigint primary key,
    window_start    bigint not null,
    used            int not null
);
