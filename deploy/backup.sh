#!/usr/bin/env bash
# Backs up the service into a directory: the database (engine, our tables, sessions; uploaded files too when
# NCS_FILES_STORE is `database`, the default) as one pg_dump archive, and, when NCS_FILES_STORE is `directory`, the
# files' directory as a tar archive. Nodes may keep running: the dump is one consistent snapshot, and files are
# archived after it, so every file the dump names is in the archive (files are only ever added or removed; one
# still arriving, *.partial, is left out). Sign-ins are not backed up (their ids would let a reader of the backup
# take over a session): after a restore everyone signs in again. The archives are readable by their owner only.
#
#   PGHOST=db PGPORT=5432 PGUSER=ncs PGPASSWORD=... PGDATABASE=ncs deploy/backup.sh /backups
#
# Restore with deploy/restore.sh. An object store (NCS_FILES_STORE=s3) is backed up with the store's own tools
# (bucket versioning or replication).
set -euo pipefail
umask 077
target=${1:?usage: backup.sh <directory>}
mkdir -p "$target"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
pg_dump --format=custom --no-owner --no-privileges --exclude-table-data='spring_session*' \
  --file "$target/ncs-$stamp.dump.partial"
mv "$target/ncs-$stamp.dump.partial" "$target/ncs-$stamp.dump"
echo "database: $target/ncs-$stamp.dump"
if [ "${NCS_FILES_STORE:-database}" = directory ]; then
  tar -C "${NCS_FILES_DIRECTORY:?NCS_FILES_DIRECTORY names the files directory}" --exclude='*.partial' \
    -czf "$target/ncs-files-$stamp.tar.gz.partial" .
  mv "$target/ncs-files-$stamp.tar.gz.partial" "$target/ncs-files-$stamp.tar.gz"
  echo "files: $target/ncs-files-$stamp.tar.gz"
fi
