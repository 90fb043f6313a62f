#!/usr/bin/env bash
# One command: set up what is missing, build, and run every test (unit and integration).
# Results: TestResults/*.trx. Extra arguments go to dotnet test, e.g. ./test.sh --filter Lifecycle
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
rm -rf TestResults
dotnet build Jewelry.sln --configuration Release --verbosity quiet --nologo
dotnet test Jewelry.sln --configuration Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory TestResults "$@"
