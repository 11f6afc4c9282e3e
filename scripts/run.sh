#!/usr/bin/env bash
# `make run`: the whole system on this machine, in order: PostgreSQL, Keycloak, backend, SPA.
# External services: DATABASE_URL (JDBC) or QUARKUS_DATASOURCE_JDBC_URL, and KEYCLOAK_URL.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/backend.sh"

PG_PORT=${PG_PORT:-5432}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9000}
BACKEND_PORT=${BACKEND_PORT:-8080}
SPA_PORT=${SPA_PORT:-5173}
SMTP_PORT=${SMTP_PORT:-1025}
MAILDEV_PORT=${MAILDEV_PORT:-1080}
LOGS="$ROOT/.data/logs"

require_jdk21
command -v npm >/dev/null || { echo "Panier needs Node.js 20+ and npm." >&2; exit 1; }

own_db=true own_kc=true
[ -n "${DATABASE_URL:-}${QUARKUS_DATASOURCE_JDBC_URL:-}" ] && own_db=false
[ -n "${KEYCLOAK_URL:-}" ] && own_kc=false
$own_db && require_free_port "$PG_PORT" "PostgreSQL (PG_PORT)"
$own_kc && require_free_port "$KEYCLOAK_PORT" "Keycloak (KEYCLOAK_PORT)"
$own_kc && require_free_port "$KEYCLOAK_MANAGEMENT_PORT" "Keycloak's health (KEYCLOAK_MANAGEMENT_PORT)"
require_free_port "$BACKEND_PORT" "the backend (BACKEND_PORT)"
require_free_port "$SPA_PORT" "the SPA (SPA_PORT)"
own_smtp=true
[ -n "${PANIER_SMTP_HOST:-}" ] && own_smtp=false
$own_smtp && require_free_port "$SMTP_PORT" "the mail catcher's SMTP (SMTP_PORT)"
$own_smtp && require_free_port "$MAILDEV_PORT" "the mail catcher's web page (MAILDEV_PORT)"

mkdir -p "$LOGS"
build_backend
$own_kc && "$ROOT/scripts/keycloak.sh" install
echo "==> Installing the SPA's packages"
npm_install "$ROOT/frontend"
if $own_smtp; then
  echo "==> Installing the mail catcher (MailDev)"
  npm_install "$ROOT/tools/maildev"
fi

# The services started, in order: process group leader, name, log.
pids=() names=() logs=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping Panier"
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${pids[i]}" 2>/dev/null || kill -TERM "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  $own_db && stop_orphan_postgres
  echo "Stopped. The data is kept in .data/ for the next 'make run'."
}
# pg_ctl puts the server in a session of its own: if its launcher was killed outright, the
# server may outlive it. Stop it fast (SIGINT), as the launcher would have.
stop_orphan_postgres() {
  local pidfile="$ROOT/.data/postgres/postmaster.pid" pid
  [ -r "$pidfile" ] || return 0
  pid=$(head -n 1 "$pidfile")
  if [ -n "$pid" ] && [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != Z ] \
     && ps -o comm= -p "$pid" 2>/dev/null | grep -q postgres; then
    echo "Stopping the PostgreSQL server left running (pid $pid)"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" | cut -c1)" != Z ] || break; sleep 0.5; done
  fi
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT
# Each service runs in its own process group, so that stopping it stops its children too.
launch() {
  local name=$1 log=$2; shift 2
  setsid "$@" >"$log" 2>&1 &
  pids+=($!) names+=("$name") logs+=("$log")
}
# Says which service died, with its exit status and the end of its log.
report_death() {
  local i=$1 status=$2
  echo >&2
  echo "!! ${names[i]} stopped unexpectedly (exit status $status). Its log: ${logs[i]}" >&2
  echo "   Last lines of it:" >&2
  tail -n 15 "${logs[i]}" | sed 's/^/   | /' >&2
  echo "   Stopping the other services." >&2
}
# Fails, naming the service, if one of those already started has died.
check_services() {
  local i status
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[i]}" 2>/dev/null; then
      status=0; wait "${pids[i]}" 2>/dev/null || status=$?
      report_death "$i" "$status"
      exit 1
    fi
  done
}
# wait_http, but gives up at once if a service dies meanwhile: wait_ready <url> <seconds> <name>
wait_ready() {
  local url=$1 seconds=$2 what=$3 i
  for ((i = 0; i < seconds; i++)); do
    check_services
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "$what did not become ready at $url within ${seconds}s. See ${logs[-1]}" >&2
  exit 1
}

if $own_db; then
  echo "==> Starting PostgreSQL on port $PG_PORT (data in .data/postgres, passwords in .data/secrets)"
  launch PostgreSQL "$LOGS/postgres.log" bash -c "source '$ROOT/scripts/backend.sh'; start_postgres '$ROOT/.data/postgres' $PG_PORT"
  for _ in $(seq 1 120); do grep -q "PostgreSQL ready" "$LOGS/postgres.log" && break; check_services; sleep 1; done
  grep -q "PostgreSQL ready" "$LOGS/postgres.log" || { echo "PostgreSQL did not start: see $LOGS/postgres.log" >&2; exit 1; }
  export DATABASE_URL="jdbc:postgresql://localhost:$PG_PORT/panier"
  use_postgres "$ROOT/.data/postgres"
fi
if $own_kc; then
  echo "==> Starting Keycloak on port $KEYCLOAK_PORT (about 30 s)"
  launch Keycloak "$LOGS/keycloak.log" "$ROOT/scripts/keycloak.sh" start --http-port "$KEYCLOAK_PORT" \
    --management-port "$KEYCLOAK_MANAGEMENT_PORT" --data "$ROOT/.data/keycloak"
  wait_ready "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 180 Keycloak
  export KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
  # The demo realm's secret of panier-backend, which closes the sign-in of suspended members.
  export PANIER_KEYCLOAK_ADMIN_SECRET=${PANIER_KEYCLOAK_ADMIN_SECRET:-demo-backend-secret}
  # The demo realm's secret of panier-integrations-admin, which creates the integration clients.
  export PANIER_KEYCLOAK_CLIENTS_SECRET=${PANIER_KEYCLOAK_CLIENTS_SECRET:-demo-integrations-admin-secret}
fi

if $own_smtp; then
  echo "==> Starting the mail catcher (SMTP on port $SMTP_PORT, web page on $MAILDEV_PORT)"
  launch "The mail catcher" "$LOGS/maildev.log" bash -c "cd '$ROOT/tools/maildev' && exec node_modules/.bin/maildev --smtp $SMTP_PORT --web $MAILDEV_PORT --ip 127.0.0.1"
  wait_ready "http://localhost:$MAILDEV_PORT/" 60 "The mail catcher"
  export PANIER_SMTP_HOST=localhost PANIER_SMTP_PORT=$SMTP_PORT PANIER_SMTP_START_TLS=DISABLED
fi
export PANIER_SPA_URL=${PANIER_SPA_URL:-http://localhost:$SPA_PORT}

echo "==> Starting the backend on port $BACKEND_PORT"
export QUARKUS_HTTP_PORT=$BACKEND_PORT PANIER_DEMO_DATA=${PANIER_DEMO_DATA:-true}
export PANIER_SPA_ORIGINS=${PANIER_SPA_ORIGINS:-http://localhost:$SPA_PORT}
# On a developer's machine a webhook receiver runs on this host: allow local addresses (production does not).
export PANIER_WEBHOOKS_ALLOW_PRIVATE=${PANIER_WEBHOOKS_ALLOW_PRIVATE:-true}
launch "The backend" "$LOGS/backend.log" bash -c "source '$ROOT/scripts/backend.sh'; start_backend"
wait_ready "http://localhost:$BACKEND_PORT/q/health/ready" 120 "The backend"

echo "==> Starting the SPA on port $SPA_PORT"
cat >"$ROOT/.data/config.json" <<JSON
{"apiBaseUrl":"http://localhost:$BACKEND_PORT","keycloak":{"url":"$KEYCLOAK_URL","realm":"panier","clientId":"panier-frontend"}}
JSON
PANIER_CONFIG_FILE="$ROOT/.data/config.json" launch "The SPA" "$LOGS/frontend.log" \
  bash -c "cd '$ROOT/frontend' && exec npm run dev -- --port $SPA_PORT --strictPort"
wait_ready "http://localhost:$SPA_PORT/" 120 "The SPA"

cat <<MSG

  Panier is running.

    Application (SPA)     http://localhost:$SPA_PORT
    API                   http://localhost:$BACKEND_PORT/api/v1   (contract: /q/openapi, UI: /q/swagger-ui)
    Keycloak              $KEYCLOAK_URL   (console: admin / admin, demo only)
    Mails sent (MailDev)  $($own_smtp && echo "http://localhost:$MAILDEV_PORT" || echo "through $PANIER_SMTP_HOST")

  Demo logins (demo-only passwords):
    alice  / demo-alice    member
    bruno  / demo-bruno    member (membership pending)
    remi   / demo-remi     référent
    camille / demo-camille admin

  Logs in .data/logs/. Press Ctrl-C to stop everything; the data stays in .data/.
MSG
# Stays up until Ctrl-C or until one of the services dies; then says which, and stops the others.
died='' status=0
wait -n -p died "${pids[@]}" || status=$?
for i in "${!pids[@]}"; do
  [ "${pids[i]}" = "$died" ] && report_death "$i" "$status"
done
exit 1
