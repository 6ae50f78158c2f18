-- How each person wants to hear of their notifications by email: at once (IMMEDIATE), in one email a day at an
-- hour of their choosing in their time zone (DAILY), or not by email at all, the bell only (IN_APP).
create table mail_preference (
  user_id              varchar(255)  not null primary key,
  delivery             varchar(16)   not null,
  digest_hour          integer       not null,
  time_zone            varchar(64)   not null,
  updated_at           timestamp     not null
);

-- A delivery for someone's daily digest waits for its hour, and goes out in one email with the rest of the day's.
alter table mail_delivery add column digest boolean default false not null;
-- The unsubscribe link of an email works once: when it was used.
alter table mail_delivery add column unsubscribed_at timestamp;

-- The keys the service signs its links with (unsubscribing), made once and shared by every node.
create table signing_key (
  name                 varchar(64)   not null primary key,
  secret               varchar(128)  not null,
  created_at           timestamp     not null
);

-- Why a decision sent work back, as its form's reasons field gave it; the notification of the returned task
-- carries it on to the email.
alter table task_outcome add column reasons varchar(4000);
alter table notification add column detail varchar(4000);
