#!/usr/bin/env bash
# A consistent copy of the portal's PostgreSQL database while it serves, and its restore.
# pg_dump reads one snapshot (writers are not blocked); the custom format is compressed and
# restores with pg_restore. The test suite runs exactly these commands (server/tests/api/backup.rs).
#
#   deploy/pg-backup.sh backup  postgres://infoshos@db/infoshos  infoshos-2026-11-30.dump
#   deploy/pg-backup.sh restore postgres://infoshos@db/infoshos  infoshos-2026-11-30.dump
#
# Restore into an empty database (createdb first) with the replicas stopped; start them after.
# The password comes from ~/.pgpass or PGPASSWORD, never from this command line.
set -euo pipefail

usage() { echo "usage: $0 backup|restore DATABASE_URL FILE" >&2; exit 2; }
[ $# -eq 3 ] || usage
what=$1 url=$2 file=$3

case "$what" in
  backup)
    if [ -e "$file" ]; then
      echo "$file already exists: a backup never overwrites a file; name a new one" >&2
      exit 1
    fi
    pg_dump --format=custom --no-owner --file="$file.partial" "$url"
    mv "$file.partial" "$file"
    echo "backed up into $file"
    ;;
  restore)
    [ -f "$file" ] || { echo "there is no backup at $file" >&2; exit 1; }
    pg_restore --no-owner --exit-on-error --single-transaction --dbname="$url" "$file"
    echo "restored $file"
    ;;
  *) usage ;;
esac
