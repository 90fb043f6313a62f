#!/usr/bin/env bash
# One command: set up what is missing, then start the whole stack with the dashboard.
# Extra arguments go to the AppHost, e.g. ./start.sh --keep-data
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
exec dotnet run --project Jewelry.AppHost -- "$@"
