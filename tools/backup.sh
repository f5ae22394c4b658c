#!/usr/bin/env bash
# Backs up the Relais database named by DATABASE_URL into one pg_dump custom-format archive
# (compressed, restorable table by table with pg_restore).
#   DATABASE_URL=postgres://user@host:5432/relais tools/backup.sh [FILE]
# FILE defaults to relais-<UTC date and time>.dump in the current folder. Prints the file name.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is required (postgres://user@host:port/database)}"
file=${1:-relais-$(date -u +%Y%m%dT%H%M%SZ).dump}
# A consistent snapshot without blocking the application (pg_dump runs in one repeatable-read
# transaction); owners and grants are left out so the archive restores under any role.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial" "$DATABASE_URL"
# The archive must be readable before it replaces anything.
pg_restore --list "$file.partial" >/dev/null
mv "$file.partial" "$file"
echo "$file"
