-- The address a claim link was mailed to: claiming by the link proves that mailbox, so only that address may sign the
-- learner in to a backpack (the award's current address can change with the LMS's data after the mail went out).
alter table claim_link add column sent_to varchar(320);
