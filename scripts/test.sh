#!/usr/bin/env bash
# Runs the suite once on SQLite (the embedded default) and once on PostgreSQL.
# scripts/services.sh installs and starts PostgreSQL and Redis first. In CI
# (CI=true) the PostgreSQL pass is required: a server that cannot start fails the run.
# The PostgreSQL pass also runs the live search suite on an OpenSearch node.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/test}
mkdir -p test-artifacts
status=0

# The shipped catalogs compile (msgfmt checks formats): a broken .po fails the run,
# and the tests then read the .mo files it wrote.
echo "== compilemessages =="
"$BIN/python" manage.py compilemessages --ignore=.venv || status=$?

echo "== Test pass 1/2: SQLite =="
env -u DATABASE_URL "$BIN/pytest" "$@" || status=$?

# PostgreSQL and Redis are installed and started by our own script (the machines
# start neither); outside CI a machine that cannot run them skips the pass.
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
bash scripts/services.sh start || echo "== could not start PostgreSQL/Redis (see above) =="
if pg_up; then
  # The live search suite (tests/search/test_cluster_live.py) runs in this pass,
  # on a single OpenSearch node built from Maven Central (scripts/search-node.sh).
  # In CI a node that cannot start, or a live suite that skips, fails the run.
  node_env=()
  # A node a developer started (make search-node) is used and left running.
  was_running=$(curl -s -m 2 http://127.0.0.1:${SEARCH_NODE_PORT:-9200} >/dev/null && echo 1 || true)
  if node_line=$(bash scripts/search-node.sh start); then
    echo "== search node: $node_line =="
    node_env=("$node_line")
    [ "${CI:-}" = "true" ] && node_env+=(EXEMPLARS_REQUIRE_SEARCH_NODE=1)
  elif [ "${CI:-}" = "true" ]; then
    echo "The search node did not start: CI requires the live search suite." >&2
    status=1
    node_env=(EXEMPLARS_REQUIRE_SEARCH_NODE=1)
  else
    echo "== search node did not start: the live search suite skips =="
  fi
  echo "== Test pass 2/2: PostgreSQL ($PG_URL) =="
  env "${node_env[@]}" DATABASE_URL=$PG_URL EXEMPLARS_REQUIRE_POSTGRES=1 \
    REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/15} "$BIN/pytest" "$@" || status=$?
  [ -n "$was_running" ] || bash scripts/search-node.sh stop >/dev/null
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at 127.0.0.1:5432: CI requires the PostgreSQL pass." >&2
  status=1
else
  echo "== PostgreSQL not reachable at 127.0.0.1:5432: skipped the PostgreSQL pass =="
fi
exit $status
