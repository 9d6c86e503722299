-- Learners who switched off the reminders before their claim window ends (per award; the link in a reminder mail).
create table claim_reminder_optout (
    award_id    varchar(36)  primary key,
    created_at  bigint       not null
);
