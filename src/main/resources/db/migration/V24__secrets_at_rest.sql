-- Secrets at rest. Mails that carry a one-time secret (a claim link's token, a confirmation code) are marked:
-- BODY (the claim mail), SUBJECT_AND_BODY (the confirmation code, also in the subject), REMOVED once emptied,
-- NONE otherwise. A delivered (or given up) mail keeps its recipient, kind, state and times but not its secret;
-- this purges those already stored. Requests for confirmation codes are counted per learner and per address.
alter table mail_outbox add column secret varchar(16) not null default 'NONE';
update mail_outbox set secret = 'BODY' where dedup_key like 'claim:%';
update mail_outbox set secret = 'SUBJECT_AND_BODY' where dedup_key like 'confirm:%';
update mail_outbox set subject = '(removed after delivery: it held a one-time link or code)'
    where secret = 'SUBJECT_AND_BODY' and status <> 'QUEUED';
update mail_outbox set text_body = '(removed after delivery: it held a one-time link or code)',
    html_body = '<p>(removed after delivery: it held a one-time link or code)</p>', secret = 'REMOVED'
    where secret in ('BODY', 'SUBJECT_AND_BODY') and status <> 'QUEUED';
create index ix_mail_outbox_secret on mail_outbox (secret, created_at);

-- One row per learner ('learner:<context>:<sub>') and per address ('address:<lower-cased address>'): how many
-- codes were sent in the day that began at window_start.
create table email_code_quota (
    holder       varchar(400) primary key,
    window_start bigint       not null,
    used         int          not null
);
