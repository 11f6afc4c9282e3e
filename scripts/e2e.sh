#!/usr/bin/env bash
# The browser end-to-end tests against a throw-away stack of their own: a fresh PostgreSQL,
# Keycloak in memory with the realm imported, the backend jar and the built SPA, on ports
# apart from `make run`'s so both can run at once. Expects the backend and SPA to be built.
# E2E_ONLY=e2e/some.e2e.ts runs one file (while working on it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/backend.sh"

PG_PORT=${E2E_PG_PORT:-55432}
KEYCLOAK_PORT=${E2E_KEYCLOAK_PORT:-8181}
KEYCLOAK_MANAGEMENT_PORT=${E2E_KEYCLOAK_MANAGEMENT_PORT:-9181}
BACKEND_PORT=${E2E_BACKEND_PORT:-8081}
SPA_PORT=${E2E_SPA_PORT:-4173}
SMTP_PORT=${E2E_SMTP_PORT:-1026}
MAILDEV_PORT=${E2E_MAILDEV_PORT:-1081}

require_jdk21
for p in "$PG_PORT:PostgreSQL" "$KEYCLOAK_PORT:Keycloak" "$KEYCLOAK_MANAGEMENT_PORT:Keycloak health" \
         "$BACKEND_PORT:backend" "$SPA_PORT:SPA" "$SMTP_PORT:mail catcher" "$MAILDEV_PORT:mail catcher's API"; do
  require_free_port "${p%%:*}" "the end-to-end ${p#*:}"
done

work=$(mktemp -d)
pids=()
cleanup() {
  local status=$?
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  if [ $status -ne 0 ]; then
    echo "End-to-end stack logs (last lines):" >&2
    for log in "$work"/*.log; do echo "--- $log" >&2; tail -n 40 "$log" >&2; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
launch() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 &
  pids+=($!)
}

# The mail catcher whose API the tests read, and the example integration they run.
npm_install "$ROOT/tools/maildev"
npm_install "$ROOT/examples/till-sync"
(cd "$ROOT/examples/till-sync" && npm run -s build)

echo "==> e2e: starting PostgreSQL, Keycloak, the mail catcher, backend and SPA"
launch "$work/maildev.log" bash -c "cd '$ROOT/tools/maildev' && exec node_modules/.bin/maildev --smtp $SMTP_PORT --web $MAILDEV_PORT --ip 127.0.0.1"
launch "$work/postgres.log" bash -c "source '$ROOT/scripts/backend.sh'; start_postgres '$work/pg' $PG_PORT"
launch "$work/keycloak.log" "$ROOT/scripts/keycloak.sh" start --http-port "$KEYCLOAK_PORT" \
  --management-port "$KEYCLOAK_MANAGEMENT_PORT" --data "$work/keycloak"
for _ in $(seq 1 120); do grep -q "PostgreSQL ready" "$work/postgres.log" && break; sleep 1; done
grep -q "PostgreSQL ready" "$work/postgres.log" || { echo "PostgreSQL did not start" >&2; exit 1; }
use_postgres "$work/pg"
wait_http "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 240 Keycloak

DATABASE_URL="jdbc:postgresql://localhost:$PG_PORT/panier" KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" \
  QUARKUS_HTTP_PORT=$BACKEND_PORT PANIER_DEMO_DATA=true PANIER_SPA_ORIGINS="http://localhost:$SPA_PORT" \
  PANIER_KEYCLOAK_ADMIN_SECRET=demo-backend-secret PANIER_KEYCLOAK_CLIENTS_SECRET=demo-integrations-admin-secret \
  PANIER_WEBHOOKS_ALLOW_PRIVATE=true \
  PANIER_SMTP_HOST=localhost PANIER_SMTP_PORT=$SMTP_PORT PANIER_SMTP_START_TLS=DISABLED \
  PANIER_SPA_URL="http://localhost:$SPA_PORT" \
  launch "$work/backend.log" bash -c "source '$ROOT/scripts/backend.sh'; start_backend"
wait_http "http://localhost:$BACKEND_PORT/q/health/ready" 120 "The backend"

cp -r "$ROOT/frontend/dist" "$work/dist"
cat >"$work/dist/config.json" <<JSON
{"apiBaseUrl":"http://localhost:$BACKEND_PORT","keycloak":{"url":"http://localhost:$KEYCLOAK_PORT","realm":"panier","clientId":"panier-frontend"}}
JSON
launch "$work/spa.log" bash -c "cd '$ROOT/frontend' && exec npx vite preview --outDir '$work/dist' --port $SPA_PORT --strictPort"
wait_http "http://localhost:$SPA_PORT/" 60 "The SPA"

echo "==> e2e: running the browser tests"
wait_http "http://localhost:$MAILDEV_PORT/" 60 "The mail catcher"
(cd "$ROOT/frontend" && E2E_BASE_URL="http://localhost:$SPA_PORT" E2E_API_URL="http://localhost:$BACKEND_PORT" \
  E2E_KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT" E2E_MAILDEV_URL="http://localhost:$MAILDEV_PORT" \
  E2E_TILL_SYNC="$ROOT/examples/till-sync" npm run test:e2e -- ${E2E_ONLY:-})

# After the browser tests, since it suspends and reactivates alice.
echo "==> e2e: the demo realm, and a suspension closing the sign-in, against the real Keycloak"
"$ROOT/keycloak/verify-realm.sh" --quiet --url "http://localhost:$KEYCLOAK_PORT" --api "http://localhost:$BACKEND_PORT"
