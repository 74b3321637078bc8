#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL for the tests that run
# against it; prints the test database's URL on the last line.
set -euo pipefail
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
if [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ] || ! command -v pg_ctlcluster >/dev/null; then
  echo "==> installing Debian's postgresql (for the PostgreSQL tests)" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >/dev/null
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  "${as_root[@]}" pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  "${as_root[@]}" pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
psql_admin() { "${as_root[@]}" su postgres -c "psql -p $port -tAc \"$1\""; }
if [ "$(psql_admin "select 1 from pg_roles where rolname = 'backchat'")" != "1" ]; then
  psql_admin "create role backchat login createdb password 'backchat'" >/dev/null
fi
if [ "$(psql_admin "select 1 from pg_database where datname = 'backchat_test'")" != "1" ]; then
  psql_admin "create database backchat_test owner backchat" >/dev/null
fi
echo "postgresql://backchat:backchat@127.0.0.1:$port/backchat_test"
