-- The action plan's versions: each submission of the plan for review freezes its initiatives as they were then
-- (as JSON, the API's own shape), and the reviewer's decision on it. Nothing here is ever changed once decided.
create table action_plan_version (
  id                   varchar(36)    not null primary key,
  plan_id              varchar(36)    not null references action_plan (id),
  engagement_id        varchar(36)    not null references engagement (id),
  tenant_id            varchar(3)     not null,
  -- 1, 2… in the order submitted
  number               integer        not null,
  initiatives          varchar(1000000) not null,
  submitted_by         varchar(255)   not null,
  submitted_at         timestamp      not null,
  -- who decides on it: the World Bank's co-facilitator or, without the World Bank, the steering committee
  reviewer             varchar(24),
  -- empty while it waits for the decision: APPROVED or CHANGES_REQUESTED
  decision             varchar(24),
  decided_by           varchar(255),
  decided_at           timestamp,
  unique (plan_id, number)
);

-- What the reviewer says about a version: about one initiative, or about the plan as a whole (no initiative).
create table action_plan_comment (
  id                   varchar(36)    not null primary key,
  version_id           varchar(36)    not null references action_plan_version (id),
  initiative_id        varchar(36),
  body                 varchar(4000)  not null,
  author               varchar(255)   not null,
  created_at           timestamp      not null
);

create index action_plan_comment_version on action_plan_comment (version_id);
