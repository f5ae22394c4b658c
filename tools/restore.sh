#!/usr/bin/env bash
# Restores an archive made by tools/backup.sh into the database named by DATABASE_URL, which must
# exist and be empty (create it first: createdb relais_restored). All or nothing: one transaction.
#   DATABASE_URL=postgres://user@host:5432/relais_restored tools/restore.sh FILE
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is required (postgres://user@host:port/database)}"
file=${1:?usage: tools/restore.sh FILE}
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 1; }
tables=$(psql "$DATABASE_URL" -XAtc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "refused: the target database already has $tables tables; restore into an empty database" >&2
  exit 1
fi
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" "$file"
echo "restored $file"
