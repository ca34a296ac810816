#!/usr/bin/env bash
# Adds a migration with the same name for both providers: scripts/add-migration.sh Name
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/CivicGrid.Migrations.$p" --startup-project "src/CivicGrid.Migrations.$p" --output-dir Migrations
done
