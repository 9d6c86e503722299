-- Share links of public awards (module sharing). A link's token is random and unguessable (128 bits); an award has
-- at most one live link (live_award_id is set while the link is live, so the unique key allows one, and null once
-- replaced). A replaced link stays so that it answers "no longer shared" (410) instead of "unknown" (404).
create table share_link (
    token          varchar(64)  primary key,
    award_id       varchar(36)  not null,
    live_award_id  varchar(36),
    created_at     bigint       not null,
    replaced_at    bigint,
    constraint uq_share_link_live unique (live_award_id)
);
create index ix_share_link_award on share_link (award_id);
