-- The language a person chose with the language switch. It comes before the launch's launch_presentation.locale on
-- every later launch (the issue's precedence: the user's switch, then the launch, then the browser), and mails use it.
alter table course_member add column chosen_locale varchar(32);
