#!/usr/bin/env bash
# Installs everything the stack and the tests need on a Debian machine that has the .NET SDK.
# Idempotent: each step checks first and does nothing when the thing is already there.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "setup: installing $* needs root; run ./setup.sh as root once, or install sudo" >&2
    exit 2
  fi
}

missing_apt=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing_apt+=(postgresql)
[ -d /usr/lib/rabbitmq ] || missing_apt+=(rabbitmq-server)
command -v setpriv >/dev/null || missing_apt+=(util-linux)
command -v node >/dev/null || missing_apt+=(nodejs)
command -v npm >/dev/null || missing_apt+=(npm)
# The README's curl examples read JSON with jq; a test runs them.
command -v jq >/dev/null || missing_apt+=(jq)
# dotnet dev-certs names the certificate it trusts for OpenSSL (curl) by its subject hash with the openssl command.
command -v openssl >/dev/null || missing_apt+=(openssl)
if [ "${JEWELRY_BROWSER_TESTS:-1}" = "1" ]; then
  # The browser tests start Debian's /usr/bin/chromium; another chromium on the PATH does not count.
  [ -x /usr/bin/chromium ] || missing_apt+=(chromium)
fi

if [ ${#missing_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing_apt[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
else
  log "Debian packages present (postgresql, rabbitmq-server, util-linux, nodejs, npm, jq, openssl$([ "${JEWELRY_BROWSER_TESTS:-1}" = "1" ] && echo ", chromium"))"
fi

# The S3 store (s3rver) comes from npm; reinstall only when the lock file changed.
stamp=tools/s3rver/node_modules/.jewelry-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s tools/s3rver/package-lock.json "$stamp"; then
  log "installing s3rver from npm"
  (cd tools/s3rver && npm ci --no-audit --no-fund --loglevel=error)
  cp tools/s3rver/package-lock.json "$stamp"
else
  log "s3rver present"
fi

# TLS: the APIs, the gateway, the token server and both dashboards' OTLP endpoints serve HTTPS with the ASP.NET Core
# development certificate (Kestrel finds it in the user's store). Create it when missing and trust it: for .NET in the
# user's Root store, for OpenSSL (curl) in ~/.aspnet/dev-certs/trust, which OpenSSL reads only through SSL_CERT_DIR.
# Exit code 4 of --trust means "trusted by some clients": browsers' NSS stores need certutil, which nothing here needs.
dev_cert_trust="$HOME/.aspnet/dev-certs/trust"
if SSL_CERT_DIR="$dev_cert_trust:${SSL_CERT_DIR:-/etc/ssl/certs}" dotnet dev-certs https --check --trust >/dev/null 2>&1; then
  log "HTTPS development certificate present and trusted"
else
  log "creating and trusting the HTTPS development certificate (dotnet dev-certs https --trust)"
  dotnet dev-certs https --trust >/dev/null 2>&1 || [ $? -eq 4 ]
  if ! SSL_CERT_DIR="$dev_cert_trust:${SSL_CERT_DIR:-/etc/ssl/certs}" dotnet dev-certs https --check --trust >/dev/null; then
    echo "setup: the HTTPS development certificate is not trusted; see 'dotnet dev-certs https --check --trust --verbose'" >&2
    exit 2
  fi
fi

log "restoring NuGet packages"
dotnet restore Jewelry.sln --verbosity quiet
log "ready"
