-- A country's engagement: one strategy lifecycle, run with partners such as the ITU and the World Bank.
create table engagement (
  id                   varchar(36)   not null primary key,
  country_code         varchar(3)    not null references country (code),
  title                varchar(200)  not null,
  status               varchar(16)   not null,
  cycle                integer       not null,
  strategy_end_date    date          not null,
  reporting_cadence    varchar(16)   not null,
  monitoring_cadence   varchar(16)   not null,
  grace_period         varchar(16)   not null,
  task_durations       varchar(4000),
  process_instance_id  varchar(64),
  -- country and cycle while the engagement is active, empty once closed: at most one active per country and cycle
  active_slot          varchar(16)   unique,
  created_at           timestamp     not null,
  created_by           varchar(255)  not null,
  version              bigint        not null
);
create index engagement_country on engagement (country_code, status);

create table engagement_partner (
  engagement_id        varchar(36)   not null references engagement (id),
  partner              varchar(100)  not null,
  primary key (engagement_id, partner)
);

-- Who works on an engagement and in which role; the engine's groups and tenants follow these rows.
create table engagement_member (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(36)   not null references engagement (id),
  user_id              varchar(255)  not null,
  role                 varchar(32)   not null,
  added_at             timestamp     not null,
  added_by             varchar(255)  not null,
  unique (engagement_id, user_id, role)
);
create index engagement_member_user on engagement_member (user_id);

create table stakeholder (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(36)   not null references engagement (id),
  organisation         varchar(200)  not null,
  category             varchar(32)   not null,
  contact_name         varchar(200),
  contact_email        varchar(254),
  created_at           timestamp     not null,
  created_by           varchar(255)  not null
);
create index stakeholder_engagement on stakeholder (engagement_id);

create table engagement_comment (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(36)   not null references engagement (id),
  task_id              varchar(64),
  author               varchar(255)  not null,
  body                 varchar(4000) not null,
  created_at           timestamp     not null
);
create index engagement_comment_engagement on engagement_comment (engagement_id, created_at);

-- Every change of state, appended and never changed.
create table audit_event (
  id                   varchar(36)   not null primary key,
  occurred_at          timestamp     not null,
  actor                varchar(255)  not null,
  tenant_id            varchar(3),
  engagement_id        varchar(64),
  action               varchar(64)   not null,
  subject              varchar(255),
  details              varchar(32000)
);
create index audit_event_engagement on audit_event (engagement_id, occurred_at);
