-- Notices carried across a POST-redirect-GET by a one-time id in the URL (module web): no servlet session, no cookie.
create table page_notice (
  id varchar(32) not null primary key,
  body varchar(8000) not null,
  expires_at bigint not null
);
create index page_notice_expires on page_notice (expires_at);
