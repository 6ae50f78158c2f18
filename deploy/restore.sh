#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into an empty database (create it first), and the files' archive, if
# any, into NCS_FILES_DIRECTORY. Then start the nodes on that database: nothing else is needed.
#
#   PGHOST=db PGUSER=ncs PGPASSWORD=... PGDATABASE=ncs_restored deploy/restore.sh /backups/ncs-<stamp>.dump \
#     [/backups/ncs-files-<stamp>.tar.gz]
set -euo pipefail
dump=${1:?usage: restore.sh <database dump> [files archive]}
files=${2:-}
: "${PGDATABASE:?PGDATABASE names the empty database to restore into}"
if [ "$(psql -X -qAtc "select count(*) from pg_tables where schemaname = 'public'")" != "0" ]; then
  echo "Database $PGDATABASE is not empty: restore into a new, empty database" >&2
  exit 1
fi
if [ -n "$files" ] && [ -n "$(ls -A "${NCS_FILES_DIRECTORY:?NCS_FILES_DIRECTORY names the files directory}" \
    2>/dev/null)" ]; then
  echo "$NCS_FILES_DIRECTORY is not empty: restore the files into an empty directory" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$PGDATABASE" "$dump"
echo "database restored into $PGDATABASE"
if [ -n "$files" ]; then
  mkdir -p "${NCS_FILES_DIRECTORY:?NCS_FILES_DIRECTORY names the files directory}"
  tar -C "$NCS_FILES_DIRECTORY" -xzf "$files"
  echo "files restored into $NCS_FILES_DIRECTORY"
fi
