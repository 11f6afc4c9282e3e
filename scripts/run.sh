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

mkdir -p "$LOGS"
build_backend
$own_kc && "$ROOT/scripts/keycloak.sh" install
echo "==> Installing the SPA's packages"
(cd "$ROOT/frontend" && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; })

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping Panier"
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${pids[i]}" 2>/dev/null || kill -TERM "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  echo "Stopped. The data is kept in .data/ for the next 'make run'."
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT
# Each service runs in its own process group, so that stopping it stops its children too.
launch() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 &
  pids+=($!)
}

if $own_db; then
  echo "==> Starting PostgreSQL on port $PG_PORT (data in .data/postgres)"
  launch "$LOGS/postgres.log" bash -c "source '$ROOT/scripts/backend.sh'; start_postgres '$ROOT/.data/postgres' $PG_PORT"
  for _ in $(seq 1 60); do grep -q "PostgreSQL ready" "$LOGS/postgres.log" && break; sleep 1; done
  grep -q "PostgreSQL ready" "$LOGS/postgres.log" || { echo "PostgreSQL did not start: see $LOGS/postgres.log" >&2; exit 1; }
  export DATABASE_URL="jdbc:postgresql://localhost:$PG_PORT/panier"
fi
if $own_kc; then
  echo "==> Starting Keycloak on port $KEYCLOAK_PORT (about 30 s)"
  launch "$LOGS/keycloak.log" "$ROOT/scripts/keycloak.sh" start --http-port "$KEYCLOAK_PORT" \
    --management-port "$KEYCLOAK_MANAGEMENT_PORT" --data "$ROOT/.data/keycloak"
  wait_http "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 180 Keycloak \
    || { echo "See $LOGS/keycloak.log" >&2; exit 1; }
  export KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
  # The demo realm's secret of panier-backend, which closes the sign-in of suspended members.
  export PANIER_KEYCLOAK_ADMIN_SECRET=${PANIER_KEYCLOAK_ADMIN_SECRET:-demo-backend-secret}
fi

echo "==> Starting the backend on port $BACKEND_PORT"
export QUARKUS_HTTP_PORT=$BACKEND_PORT PANIER_DEMO_DATA=${PANIER_DEMO_DATA:-true}
export PANIER_SPA_ORIGINS=${PANIER_SPA_ORIGINS:-http://localhost:$SPA_PORT}
launch "$LOGS/backend.log" bash -c "source '$ROOT/scripts/backend.sh'; start_backend"
wait_http "http://localhost:$BACKEND_PORT/q/health/ready" 120 "The backend" \
  || { echo "See $LOGS/backend.log" >&2; exit 1; }

echo "==> Starting the SPA on port $SPA_PORT"
cat >"$ROOT/.data/config.json" <<JSON
{"apiBaseUrl":"http://localhost:$BACKEND_PORT","keycloak":{"url":"$KEYCLOAK_URL","realm":"panier","clientId":"panier-frontend"}}
JSON
PANIER_CONFIG_FILE="$ROOT/.data/config.json" launch "$LOGS/frontend.log" \
  bash -c "cd '$ROOT/frontend' && exec npm run dev -- --port $SPA_PORT --strictPort"
wait_http "http://localhost:$SPA_PORT/" 120 "The SPA" || { echo "See $LOGS/frontend.log" >&2; exit 1; }

cat <<MSG

  Panier is running.

    Application (SPA)     http://localhost:$SPA_PORT
    API                   http://localhost:$BACKEND_PORT/api/v1   (contract: /q/openapi, UI: /q/swagger-ui)
    Keycloak              $KEYCLOAK_URL   (console: admin / admin, demo only)

  Demo logins (demo-only passwords):
    alice  / demo-alice    member
    bruno  / demo-bruno    member (membership pending)
    remi   / demo-remi     référent
    camille / demo-camille admin

  Logs in .data/logs/. Press Ctrl-C to stop everything; the data stays in .data/.
MSG
# Stays up until Ctrl-C or until one of the services dies.
wait -n "${pids[@]}" || true
echo "A service stopped unexpectedly; see the logs in $LOGS." >&2
exit 1
