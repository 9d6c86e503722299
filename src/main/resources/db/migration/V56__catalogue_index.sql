-- The public catalogue pages listed badges by name in the database (LIMIT/OFFSET, COUNT): an index in that order.
create index ix_badge_class_catalogue on badge_class (in_catalogue, name, id);
