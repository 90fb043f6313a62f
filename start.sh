#!/usr/bin/env bash
# One command: set up what is missing, then start the whole stack with the dashboard.
# Extra arguments go to the AppHost, e.g. ./start.sh --keep-data
set -euo pipefail
cd "$(dirname "$0")"
# Chromium is for the browser tests only: ./test.sh installs it.
JEWELRY_BROWSER_TESTS=0 ./setup.sh
dotnet build Jewelry.AppHost --verbosity quiet --nologo
# The AppHost itself replaces this shell, so Ctrl+C and SIGTERM reach it directly and it stops everything it started.
exec dotnet Jewelry.AppHost/bin/Debug/net10.0/Jewelry.AppHost.dll "$@"
