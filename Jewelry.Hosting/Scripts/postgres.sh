#!/usr/bin/env bash
# Runs PostgreSQL in the foreground for the AppHost (Jewelry.Hosting, LocalPostgresBuilderExtensions).
# Usage: postgres.sh /usr/lib/postgresql/15/bin/postgres -D DATA -p PORT ...
# - SIGTERM (Aspire's stop) becomes PostgreSQL's "fast" shutdown (SIGINT): the "smart" one SIGTERM asks for would
#   wait for every pooled connection of the services to close.
# - As root it runs the server as the postgres account (PostgreSQL refuses root), with setpriv so no process sits
#   between this script and the server.
set -u
if [ "$(id -u)" -eq 0 ]; then
  setpriv --reuid="${JEWELRY_POSTGRES_USER:-postgres}" --regid="${JEWELRY_POSTGRES_USER:-postgres}" --init-groups -- "$@" &
else
  "$@" &
fi
server=$!
trap 'kill -INT "$server" 2>/dev/null' TERM INT

# wait returns early when a trapped signal arrives: keep waiting until the server itself has exited.
wait "$server"
status=$?
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
exit "$status"
