-- A confidential document: every download of one of its files is in the audit trail.
alter table document add column confidential boolean default false not null;

-- The people who answer for a registered organisation: a draft released to the organisation's group gives them
-- (and only them) the group's feedback task.
create table stakeholder_person (
  stakeholder_id       varchar(36)   not null references stakeholder (id),
  user_id              varchar(255)  not null,
  primary key (stakeholder_id, user_id)
);
create index stakeholder_person_user on stakeholder_person (user_id);

-- A draft released for consultation: the document version (or link) and the groups it went to.
create table consultation_round (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(64)   not null,
  process_instance_id  varchar(64)   not null,
  number               integer       not null,
  draft_version_id     varchar(36)   references document_version (id),
  draft_label          varchar(40)   not null,
  draft_link           varchar(2000),
  stakeholder_groups   varchar(400)  not null,
  released_by          varchar(255)  not null,
  released_at          timestamp     not null,
  unique (process_instance_id, number)
);
create index consultation_round_engagement on consultation_round (engagement_id, number);

-- One comment of a stakeholder group on a draft, and how the drafting team handled it. A later round's draft
-- answers the comments it took up (answered_in).
create table feedback_item (
  id                   varchar(36)   not null primary key,
  round_id             varchar(36)   not null references consultation_round (id),
  task_id              varchar(64)   not null,
  stakeholder_group    varchar(32)   not null,
  organisation         varchar(1000),
  reference            varchar(200),
  body                 varchar(8000) not null,
  attachment_file_id   varchar(36)   references stored_file (id),
  author               varchar(255)  not null,
  created_at           timestamp     not null,
  -- when the group's feedback task was completed: until then the comment is its authors' to take back
  submitted_at         timestamp,
  disposition          varchar(16),
  disposition_reason   varchar(4000),
  dispositioned_by     varchar(255),
  dispositioned_at     timestamp,
  answered_in          varchar(36)   references consultation_round (id),
  version              bigint        not null
);
create index feedback_item_round on feedback_item (round_id, created_at);
create index feedback_item_task on feedback_item (task_id);
