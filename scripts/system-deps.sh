#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium and its driver for the browser
# tests, gettext for compiling translations, Pango and the Noto fonts for the
# campaign booklets (WeasyPrint). Installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)  # the Nu HTML Checker (vnu-jar)
# WeasyPrint loads Pango through ffi; the booklet's fonts cover every Vietnamese letter.
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing Debian packages: ${need[*]} (run: sudo apt-get install -y ${need[*]})" >&2
  exit 1
fi
echo "Installing ${need[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
