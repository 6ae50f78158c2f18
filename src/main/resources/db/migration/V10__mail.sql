-- A notification is handed to mail delivery once: its deliveries, one per person, are then made.
alter table notification add column dispatched_at timestamp;

-- One email of a notification to one person of the task's country: claimed by one node at a time (a lease),
-- retried with growing pauses, and dead after too many failures (shown to administrators).
create table mail_delivery (
  id                   varchar(36)   not null primary key,
  notification_id      varchar(36)   not null references notification (id),
  user_id              varchar(255)  not null,
  email                varchar(254)  not null,
  language             varchar(8)    not null,
  state                varchar(16)   not null,
  attempts             integer       not null,
  next_attempt_at      timestamp     not null,
  claimed_by           varchar(64),
  claimed_until        timestamp,
  sent_at              timestamp,
  last_error           varchar(1000),
  unique (notification_id, user_id)
);
create index mail_delivery_due on mail_delivery (state, next_attempt_at);

-- What each person has read of the notifications shown to them in the pages (the bell).
create table notification_read (
  user_id              varchar(255)  not null,
  notification_id      varchar(36)   not null references notification (id),
  read_at              timestamp     not null,
  primary key (user_id, notification_id)
);
