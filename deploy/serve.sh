#!/usr/bin/env bash
# `make serve`: the production configuration (settings/production.py, gunicorn,
# WhiteNoise) on $HOST. Production passes its own DJANGO_SECRET_KEY and the rest
# (README, "Deploying"); without one this is a local demo: a key generated once
# in var/, plain HTTP on loopback, and media served by Django.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
HOST=${HOST:-127.0.0.1:8000}
VAR=${EXEMPLARS_VAR_DIR:-var}
export DJANGO_SETTINGS_MODULE=newsroom.settings.production

if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
  mkdir -p "$VAR"
  if [ ! -s "$VAR/secret-key" ]; then
    (umask 077 && "$BIN/python" -c "import secrets; print(secrets.token_urlsafe(50))" >"$VAR/secret-key")
  fi
  DJANGO_SECRET_KEY=$(cat "$VAR/secret-key")
  export DJANGO_SECRET_KEY
  export DJANGO_SECURE_SSL_REDIRECT=${DJANGO_SECURE_SSL_REDIRECT:-0}
  export DJANGO_SECURE_COOKIES=${DJANGO_SECURE_COOKIES:-0}
  export DJANGO_SERVE_MEDIA=${DJANGO_SERVE_MEDIA:-1}
  echo "serve: local demo (no DJANGO_SECRET_KEY given: using $VAR/secret-key, plain HTTP)"
fi
# Demo and production alike: the allowed host must include the one we bind to.
if [ -z "${DJANGO_ALLOWED_HOSTS:-}" ]; then
  export DJANGO_ALLOWED_HOSTS="${HOST%:*},127.0.0.1,localhost"
fi

if [ "${EXEMPLARS_PAGE_CACHE:-1}" != 1 ]; then
  echo "serve: page cache off (EXEMPLARS_PAGE_CACHE=${EXEMPLARS_PAGE_CACHE})"
elif [ -n "${REDIS_URL:-}" ]; then
  echo "serve: page cache in Redis ($REDIS_URL), shared by every worker"
else
  echo "serve: page cache OFF (no REDIS_URL: a cache in each worker's memory would serve pages other workers purged)"
fi
"$BIN/python" manage.py collectstatic --noinput -v 0
echo "serve: http://$HOST/  (admin: http://$HOST/admin/)"
exec "$BIN/gunicorn" -c deploy/gunicorn.conf.py --bind "$HOST" "$@"
