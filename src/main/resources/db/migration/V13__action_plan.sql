-- An engagement's action plan, one per strategy cycle: the initiatives that carry the strategy out, each tied to a
-- focus area and elements of the guide, with its agencies, period, milestones, budget lines and indicators.
create table action_plan (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(36)   not null references engagement (id),
  tenant_id            varchar(3)    not null,
  cycle                integer       not null,
  -- how many initiatives the plan has numbered: I-1, I-2… are never reused, even after a removal
  numbered             integer       not null,
  created_by           varchar(255)  not null,
  created_at           timestamp     not null,
  version              bigint        not null,
  unique (engagement_id, cycle)
);

create table initiative (
  id                   varchar(36)   not null primary key,
  plan_id              varchar(36)   not null references action_plan (id),
  -- I-1, I-2… in the order they were added; never reused within a plan
  number               integer       not null,
  title                varchar(300)  not null,
  objective            varchar(2000),
  focus_area           varchar(8)    not null,
  -- empty while a draft made from a gap has no lead yet
  lead_agency          varchar(200),
  priority             varchar(8)    not null,
  status               varchar(16)   not null,
  start_date           date          not null,
  end_date             date          not null,
  -- how it came to be: written from scratch, from a benchmark gap, or copied from the previous cycle's plan
  origin               varchar(16)   not null,
  created_by           varchar(255)  not null,
  created_at           timestamp     not null,
  updated_by           varchar(255)  not null,
  updated_at           timestamp     not null,
  version              bigint        not null,
  unique (plan_id, number)
);

create table initiative_element (
  initiative_id        varchar(36)   not null references initiative (id),
  position             integer       not null,
  element_id           varchar(16)   not null,
  primary key (initiative_id, position)
);

create table initiative_agency (
  initiative_id        varchar(36)   not null references initiative (id),
  position             integer       not null,
  agency               varchar(200)  not null,
  primary key (initiative_id, position)
);

-- Milestones, budget lines and indicators keep a key of their own, so that progress reports can refer to them
-- across edits of the plan.
create table initiative_milestone (
  initiative_id        varchar(36)   not null references initiative (id),
  position             integer       not null,
  item_key             varchar(36)   not null,
  title                varchar(300)  not null,
  due_date             date          not null,
  primary key (initiative_id, position)
);

-- Money is exact: a decimal amount in an ISO 4217 currency, never a binary floating-point number.
create table initiative_budget_line (
  initiative_id        varchar(36)   not null references initiative (id),
  position             integer       not null,
  item_key             varchar(36)   not null,
  description          varchar(300),
  amount               numeric(19,3) not null,
  currency             varchar(3)    not null,
  funding              varchar(16)   not null,
  committed            boolean       not null,
  primary key (initiative_id, position)
);

create table initiative_kpi (
  initiative_id        varchar(36)   not null references initiative (id),
  position             integer       not null,
  item_key             varchar(36)   not null,
  indicator            varchar(300)  not null,
  unit                 varchar(50)   not null,
  baseline             numeric(19,4) not null,
  target               numeric(19,4) not null,
  target_date          date          not null,
  kind                 varchar(8)    not null,
  primary key (initiative_id, position)
);
