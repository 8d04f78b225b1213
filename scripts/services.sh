#!/usr/bin/env bash
# Test services: PostgreSQL on 127.0.0.1:5432 (database `test`, user `postgres`
# without a password) and Redis on 127.0.0.1:6379. The machines CI runs on start
# neither, so this installs Debian's packages when they are missing and starts
# private instances whose data lives under $EXEMPLARS_SERVICES_DIR, leaving the
# system's own clusters alone. Idempotent: a service already answering is kept.
#
#   scripts/services.sh start      install if needed, start, create the database
#   scripts/services.sh stop       stop what this script started
#   scripts/services.sh restart-postgres   (used by the fault benchmarks)
set -euo pipefail
DIR=${EXEMPLARS_SERVICES_DIR:-/var/tmp/exemplars-services}
# Other ports give a second, private pair (the serving benchmark stops and
# restarts its own, leaving the test services alone).
PG_PORT=${EXEMPLARS_PG_PORT:-5432}
REDIS_PORT=${EXEMPLARS_REDIS_PORT:-6379}

log() { echo "services: $*" >&2; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: $* (run: sudo apt-get install -y $*)"
    return 1
  fi
  log "installing $* …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bindir() {
  # The newest installed server version (Debian installs under /usr/lib/postgresql/N).
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/postgres" ] && echo "/usr/lib/postgresql/$v/bin"
}

pg_up() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

# Runs a command as the postgres system user: the server refuses to run as root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  if ! pg_bindir >/dev/null || ! command -v pg_isready >/dev/null; then
    apt_install postgresql postgresql-contrib
  fi
  local bin data
  bin=$(pg_bindir)
  data=$DIR/postgres
  if ! pg_up; then
    mkdir -p "$DIR"
    chmod 755 "$DIR"
    if [ ! -s "$data/PG_VERSION" ]; then
      rm -rf "$data"
      mkdir -p "$data"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
      as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >/dev/null
    fi
    # Sockets in the data folder: /var/run/postgresql may not exist on a bare machine.
    as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { log "PostgreSQL did not start:"; tail -20 "$data/server.log" >&2; return 1; }
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { log "PostgreSQL is not answering on 127.0.0.1:$PG_PORT"; return 1; }
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='test'" postgres | grep -q 1; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE test" postgres
  fi
  log "PostgreSQL ready: postgres://postgres@127.0.0.1:$PG_PORT/test"
}

redis_up() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  if ! redis_up; then
    mkdir -p "$DIR/redis"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
      --dir "$DIR/redis" --pidfile "$DIR/redis/redis.pid" --logfile "$DIR/redis/redis.log" \
      --save "" --appendonly no
  fi
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
  redis_up || { log "Redis is not answering on 127.0.0.1:$REDIS_PORT"; return 1; }
  log "Redis ready: redis://127.0.0.1:$REDIS_PORT"
}

stop_postgres() {
  local bin
  bin=$(pg_bindir) || return 0
  [ -s "$DIR/postgres/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$DIR/postgres" -m fast -w stop >/dev/null || true
}

stop_redis() {
  [ -s "$DIR/redis/redis.pid" ] && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start_postgres; start_redis ;;
  stop) stop_postgres; stop_redis ;;
  start-postgres) start_postgres ;;
  start-redis) start_redis ;;
  stop-postgres) stop_postgres ;;
  stop-redis) stop_redis ;;
  restart-postgres) stop_postgres; start_postgres ;;
  *) echo "usage: $0 start|stop|start-postgres|start-redis|stop-postgres|stop-redis|restart-postgres" >&2; exit 2 ;;
esac
