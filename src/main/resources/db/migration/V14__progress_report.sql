-- A progress report on an action plan, as of the end of a reporting period: per initiative its status and a short
-- narrative, the indicators' actuals, the milestones reached and when, and the spend to date per currency.
-- Initiatives are named without a foreign key: one removed from the plan later keeps its reported history.
create table progress_report (
  id                   varchar(36)   not null primary key,
  plan_id              varchar(36)   not null references action_plan (id),
  period_end           date          not null,
  submitted_by         varchar(255)  not null,
  submitted_at         timestamp     not null,
  unique (plan_id, period_end)
);

create table progress_entry (
  report_id            varchar(36)   not null references progress_report (id),
  initiative_id        varchar(36)   not null,
  status               varchar(16)   not null,
  narrative            varchar(2000),
  primary key (report_id, initiative_id)
);

create table progress_actual (
  report_id            varchar(36)   not null references progress_report (id),
  initiative_id        varchar(36)   not null,
  kpi_key              varchar(36)   not null,
  actual               numeric(19,4) not null,
  primary key (report_id, initiative_id, kpi_key)
);

create table progress_milestone (
  report_id            varchar(36)   not null references progress_report (id),
  initiative_id        varchar(36)   not null,
  milestone_key        varchar(36)   not null,
  reached_on           date          not null,
  primary key (report_id, initiative_id, milestone_key)
);

create table progress_spend (
  report_id            varchar(36)   not null references progress_report (id),
  initiative_id        varchar(36)   not null,
  currency             varchar(3)    not null,
  amount               numeric(19,3) not null,
  primary key (report_id, initiative_id, currency)
);
