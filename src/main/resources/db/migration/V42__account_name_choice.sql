-- The awards whose learner chose to show their name in the Open Badges 3.0 credential (default: no row, no name).
create table account_name_choice (
    award_id   varchar(36) primary key,
    chosen_at  bigint      not null
);
