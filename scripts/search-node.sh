#!/usr/bin/env bash
# A single OpenSearch node for the live search tests (searchnode/: a pom and one class).
#   scripts/search-node.sh start   build (Maven's cache stays in ~/.m2), start in the
#                                   background, wait for green, print OPENSEARCH_URL=…
#   scripts/search-node.sh stop    stop it and delete its data folder (var/searchnode/data)
#   scripts/search-node.sh stop --keep-data   stop it only (the outage test restarts it)
# SEARCH_NODE_PORT (default 9200) and SEARCH_NODE_JAVA (default: java on PATH) adjust it.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${SEARCH_NODE_PORT:-9200}
URL="http://127.0.0.1:$PORT"
RUN=var/searchnode
PIDFILE=$RUN/node.pid
LOG=$RUN/node.log
DATA=$PWD/$RUN/data
JAVA=${SEARCH_NODE_JAVA:-java}

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
green() { curl -sf -m 5 "$URL/_cluster/health?wait_for_status=green&timeout=2s" 2>/dev/null | grep -q '"status":"green"'; }

start() {
  mkdir -p "$RUN"
  if running && green; then
    echo "OPENSEARCH_URL=$URL"
    return 0
  fi
  if curl -s -m 2 "$URL" >/dev/null 2>&1; then
    echo "Something else already answers on $URL: stop it or set SEARCH_NODE_PORT." >&2
    return 1
  fi
  command -v mvn >/dev/null || { echo "Maven (mvn) is needed to build the search node." >&2; return 1; }
  # Built only when the pom or the class changed; -o first: after the first build
  # everything is in ~/.m2 and no network is needed.
  if [ -f searchnode/target/classpath.txt ] &&
     [ -z "$(find searchnode/pom.xml searchnode/src -newer searchnode/target/classpath.txt -print -quit)" ]; then
    :
  elif ! (cd searchnode && { mvn -q -B -o compile >"../$RUN/build.log" 2>&1 || mvn -q -B compile >"../$RUN/build.log" 2>&1; }); then
    cat "$RUN/build.log" >&2
    echo "Could not build searchnode/ (see above)." >&2
    return 1
  fi
  SEARCH_NODE_PORT=$PORT SEARCH_NODE_DATA=$DATA nohup "$JAVA" -Xms512m -Xmx1g -XX:+UseSerialGC \
    -cp "searchnode/target/classes:$(cat searchnode/target/classpath.txt)" \
    exemplars.searchnode.SearchNode >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 90); do
    if green; then
      echo "OPENSEARCH_URL=$URL"
      return 0
    fi
    if ! running; then break; fi
    sleep 1
  done
  tail -40 "$LOG" >&2
  echo "The search node did not turn green on $URL (log: $LOG)." >&2
  stop >/dev/null
  return 1
}

stop() {
  if running; then
    pid=$(cat "$PIDFILE")
    kill "$pid"
    # The shutdown hook closes the node and deletes its data folder.
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "search node stopped"
  fi
  rm -f "$PIDFILE"
  [ "${1:-}" = "--keep-data" ] || rm -rf "$DATA"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
