-- The files an engagement's work produces (drafts, reports, terms of reference, evidence): what they are, read from
-- their content, their checksum, who uploaded them and for which task.
create table stored_file (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(36)   not null references engagement (id),
  file_name            varchar(255)  not null,
  media_type           varchar(100)  not null,
  size_bytes           bigint        not null,
  sha256               varchar(64)   not null,
  task_id              varchar(64),
  uploaded_by          varchar(255)  not null,
  uploaded_at          timestamp     not null
);
create index stored_file_engagement on stored_file (engagement_id);

-- Their bytes, where the database keeps them: in chunks, so that neither side ever holds a whole file in memory.
create table stored_file_chunk (
  file_id              varchar(36)   not null references stored_file (id),
  seq                  integer       not null,
  data                 bytea         not null,
  primary key (file_id, seq)
);

-- A document of an engagement (a strategy draft, say) and its versions, each a file.
create table document (
  id                   varchar(36)   not null primary key,
  engagement_id        varchar(36)   not null references engagement (id),
  kind                 varchar(40)   not null,
  title                varchar(200)  not null,
  created_by           varchar(255)  not null,
  created_at           timestamp     not null
);
create index document_engagement on document (engagement_id);

create table document_version (
  id                   varchar(36)   not null primary key,
  document_id          varchar(36)   not null references document (id),
  number               integer       not null,
  label                varchar(40)   not null,
  change_note          varchar(1000),
  file_id              varchar(36)   not null references stored_file (id),
  created_by           varchar(255)  not null,
  created_at           timestamp     not null,
  unique (document_id, number)
);
