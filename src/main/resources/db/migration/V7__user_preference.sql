-- What a person chose for themselves in the pages, kept across sessions and machines: the language of the
-- interface (en, fr, es, ar, ru or zh).
create table user_preference (
  user_id     varchar(64) not null primary key,
  language    varchar(8)  not null,
  updated_at  timestamp   not null
);
