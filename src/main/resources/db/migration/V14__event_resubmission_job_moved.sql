-- The event resubmission job moved from the award module to the shared infrastructure module. Quartz stores the
-- job's class name; without this update a database that already holds the job could not load it any more.
update qrtz_JOB_DETAILS set JOB_CLASS_NAME = 'org.badgebridge.infrastructure.internal.PublicationResubmission$ResubmitJob'
where JOB_NAME = 'event-resubmission' and JOB_GROUP = 'events'
  and JOB_CLASS_NAME = 'org.badgebridge.award.internal.PublicationResubmission$ResubmitJob';
