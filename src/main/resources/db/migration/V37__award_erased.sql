-- When the holder deleted their data: the award stays (id, revocation and its status bits, so that every URL baked
-- into images already handed out answers 410), the personal data on it is removed.
alter table award add column erased_at bigint;
