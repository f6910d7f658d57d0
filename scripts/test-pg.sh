#!/usr/bin/env bash
# `npm run test:pg`: the unit, integration and browser tests on PostgreSQL. With DATABASE_URL set to
# postgresql://…, each suite makes its own fresh database on that server; otherwise a throwaway
# cluster (scripts/pg-throwaway.sh) is started for the run and removed afterwards. The browser tests
# use the build in NEXT_DIST_DIR (default .next-pg, so a build in .next stays untouched), building
# it first when the sources are newer.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! "${DATABASE_URL:-}" =~ ^postgres(ql)?:// ]]; then
  cluster=$(mktemp -d -u "${TMPDIR:-/tmp}/verso-pg-XXXXXX")
  trap 'scripts/pg-throwaway.sh stop "$cluster"' EXIT
  trap 'exit 130' INT TERM
  server=$(scripts/pg-throwaway.sh start "$cluster")
  echo "Throwaway PostgreSQL cluster at $server (in $cluster)"
  export DATABASE_URL="$server/postgres"
fi

export NEXT_DIST_DIR=${NEXT_DIST_DIR:-.next-pg}
node_modules/.bin/vitest run
node_modules/.bin/tsx scripts/build-if-stale.ts
node_modules/.bin/playwright test "$@"
