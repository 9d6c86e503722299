-- What the tool tells the LMS gradebook about each award (module award): one row per state change ("earned",
-- revoked, suspended, reinstated), whose score timestamp is the change's time and at least one second after the
-- award's previous one (Moodle keeps second resolution and answers 409 to a timestamp not newer than its grade's).
-- The key makes a repeated delivery of the same change find its row: it posts it only while nobody has.
create table award_score_post (
  award_id    varchar(36)  not null,
  score_at    bigint       not null,
  state       varchar(16)  not null,
  status      varchar(16)  not null,
  started_at  bigint,
  answered_at bigint,
  lms_answer  varchar(1000),
  primary key (award_id, score_at)
);
