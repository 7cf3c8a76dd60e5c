#!/usr/bin/env bash
# Debian packages the tests need: PostgreSQL (a real server for the PostgreSQL run), Chromium
# (browser tests), fonts with Vietnamese glyphs and pango (PDF reports), poppler (PDF -> PNG),
# LibreOffice (office checks of the reports).
# Installs only what is missing; needs root (or sudo) for apt-get.
set -euo pipefail
need=()
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation2)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0)
dpkg -s libpangoft2-1.0-0 >/dev/null 2>&1 || need+=(libpangoft2-1.0-0)
dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice recomputes the report's XLSX formulas and lays out its DOCX as Word users see it.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "==> Cài gói Debian: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
