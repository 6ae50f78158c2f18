-- What each completed lifecycle task decided or produced: the form's fields as submitted, written in the same
-- transaction as the completion. The engine's history says that a task ended; this says what came out of it.
create table task_outcome (
  id                   varchar(36)   not null primary key,
  tenant_id            varchar(3),
  engagement_id        varchar(64),
  process_instance_id  varchar(64)   not null,
  task_id              varchar(64)   not null unique,
  activity_id          varchar(255)  not null,
  step_id              varchar(16),
  kind                 varchar(16)   not null,
  completed_by         varchar(255),
  completed_at         timestamp     not null,
  outcome              varchar(32000) not null
);
create index task_outcome_instance on task_outcome (process_instance_id, activity_id, completed_at);
create index task_outcome_engagement on task_outcome (engagement_id, completed_at);

-- Messages owed to people: reminders at a task's due date, escalations after its grace period. Written by the
-- lifecycle; delivered (and stamped sent_at) by the notification sender.
create table notification (
  id                   varchar(36)   not null primary key,
  kind                 varchar(16)   not null,
  tenant_id            varchar(3),
  engagement_id        varchar(64),
  process_instance_id  varchar(64),
  task_id              varchar(64),
  recipient_user       varchar(255),
  recipient_group      varchar(64),
  subject              varchar(500)  not null,
  created_at           timestamp     not null,
  sent_at              timestamp
);
create index notification_pending on notification (sent_at, created_at);
