#!/usr/bin/env bash
# manage.py as the server runs it: the variables of /etc/exemplars.env (or
# $EXEMPLARS_ENV_FILE) and the production settings. For cron and for operators:
# `manage.py` alone uses the development settings, in which the page cache is
# off, so a scheduled publication run that way would purge no cached page.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE=${EXEMPLARS_ENV_FILE:-/etc/exemplars.env}
if [ -r "$ENV_FILE" ]; then
  set -a
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  set +a
fi
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-newsroom.settings.production}
exec "${VENV:-.venv}/bin/python" manage.py "$@"
