#!/usr/bin/env bash
# Regenerates Migrations/{sqlite,postgres}/0001_initial.sql from the EF model.
# Only while nothing is deployed: once a release ships, add NNNN_name.sql files by hand in both dialects instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Yishi.Web -v q -nologo >/dev/null
for p in sqlite postgres; do
  dotnet run --project src/Yishi.Web --no-build --no-launch-profile -- db-script "$p" "$PWD/src/Yishi.Platform/Migrations/$p/0001_initial.sql"
done
echo "regenerated 0001_initial.sql for sqlite and postgres"
