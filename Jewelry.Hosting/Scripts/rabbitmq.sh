#!/usr/bin/env bash
# Runs Erlang's epmd and RabbitMQ in the foreground for the AppHost (Jewelry.Hosting, LocalRabbitMQBuilderExtensions).
# Usage: rabbitmq.sh EPMD RABBITMQ_SERVER, with ERL_EPMD_PORT and the RABBITMQ_* variables set by the AppHost.
# - epmd runs as this script's child on its own port: a broker that finds none starts a daemon that outlives it.
# - SIGTERM (Aspire's stop) stops the broker cleanly (the Erlang VM shuts down on SIGTERM), then epmd.
set -u
epmd_program=$1
server_program=$2

"$epmd_program" -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
epmd=$!
for _ in $(seq 200); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$ERL_EPMD_PORT") 2>/dev/null; then
    break
  fi
  sleep 0.05
done

# "detached" makes the start script exec the VM instead of forking and waiting for it.
detached=true "$server_program" &
broker=$!

stop() {
  kill -TERM "$broker" 2>/dev/null
}
trap stop TERM INT

wait "$broker"
status=$?
while kill -0 "$broker" 2>/dev/null; do
  wait "$broker"
  status=$?
done
kill -TERM "$epmd" 2>/dev/null
wait "$epmd" 2>/dev/null
exit "$status"
