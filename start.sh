#!/usr/bin/env bash
# One command: set up what is missing, then start the whole stack with the Aspire dashboard and the Jewelry dashboard.
# Extra arguments go to the AppHost, e.g. ./start.sh --keep-data
set -euo pipefail
cd "$(dirname "$0")"
# Chromium is for the browser tests only: ./test.sh installs it.
JEWELRY_BROWSER_TESTS=0 ./setup.sh
dotnet build Jewelry.AppHost --verbosity quiet --nologo
# The launch profile "https" sets the Aspire dashboard's URLs (its OTLP endpoints over TLS); dotnet run passes Ctrl+C and SIGTERM on to the AppHost,
# which stops everything it started.
exec dotnet run --project Jewelry.AppHost --no-build --launch-profile https -- "$@"
