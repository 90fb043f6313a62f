#!/usr/bin/env bash
# Runs PostgreSQL in the foreground for the AppHost (Jewelry.Hosting, LocalPostgresBuilderExtensions).
# Usage: postgres.sh /usr/lib/postgresql/15/bin/postgres -D DATA -p PORT ...
# - SIGTERM (Aspire's stop) becomes PostgreSQL's "fast" shutdown (SIGINT): the "smart" one SIGTERM asks for would
#   wait for every pooled connection of the services to close.
# - As root it runs the server as the postgres account (PostgreSQL refuses root), with setpriv so no process sits
#   between this script and the server.
# - A server from before (killed with SIGKILL and still exiting when Aspire starts this again, or left running when
#   only this script was killed) makes PostgreSQL refuse to start while the PID in its lock files exists: kill that
#   server if it still is this data folder's postgres, and wait until its process is gone.
set -u
data=""
sockets=""
previous=""
for arg in "$@"; do
  case "$previous:$arg" in
    -D:*) data=$arg ;;
    -k:*) sockets=$arg ;;
    -c:unix_socket_directories=*) sockets=${arg#unix_socket_directories=} ;;
  esac
  previous=$arg
done
for lock in ${data:+"$data/postmaster.pid"} ${sockets:+"$sockets"/.s.PGSQL.*.lock}; do
  [ -f "$lock" ] || continue
  old=$(head -n 1 "$lock" 2>/dev/null)
  case "$old" in
    '' | *[!0-9]* | "$$") continue ;;
  esac
  if tr '\0' ' ' <"/proc/$old/cmdline" 2>/dev/null | grep -q -- "postgres.*$data"; then
    echo "postgres.sh: the server from before (PID $old, in $lock) still runs; killing it" >&2
    kill -KILL "$old" 2>/dev/null
  fi
  # Killed, it exists until its parent reaps it (init, for an orphan): up to 15 s.
  for _ in $(seq 300); do
    [ -d "/proc/$old" ] || break
    sleep 0.05
  done
done

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
