-- The course's default language for mails to learners who never launched: the locale of the latest teacher launch.
alter table course_context add column default_locale varchar(32);
