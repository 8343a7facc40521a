#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL: a new cluster in a temporary folder (Debian's
# initdb and pg_ctl, as the `postgres` user when we are root, since PostgreSQL refuses to run
# as root), on a free port of 127.0.0.1, its socket in that folder, trust auth for the local
# test user only. The command finds it in INFOSHOS_TEST_POSTGRES; when the command ends (or
# fails, or is interrupted) the server is stopped and the folder removed: nothing is left.
#
#   scripts/with-postgres.sh cargo test -p infoshos-server
#
# fsync is off: a test cluster is thrown away, and durability is tested on SQLite (kill -9)
# and by the replicas' soak, not by this server surviving a power cut.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: no PostgreSQL server here; scripts/install-tools.sh installs it" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/infoshos-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as_pg=(runuser -u postgres --)
fi
stop() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U infoshos --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }

started=""
for _ in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 20000))
  if "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
    start >/dev/null 2>&1; then
    started=$port
    break
  fi
done
if [ -z "$started" ]; then
  echo "with-postgres: the test PostgreSQL did not start:" >&2
  cat "$dir/server.log" >&2
  exit 1
fi
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$started ($dir)"
export INFOSHOS_TEST_POSTGRES="postgres://infoshos@127.0.0.1:$started/postgres"
"$@"
