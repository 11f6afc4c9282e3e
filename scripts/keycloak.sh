#!/usr/bin/env bash
# Local Keycloak for Panier, without Docker.
#
#   scripts/keycloak.sh install
#       Unpacks Keycloak (org.keycloak:keycloak-quarkus-dist) into .tools/ with the backend's
#       Maven wrapper, unless it is already there.
#
#   scripts/keycloak.sh start [--http-port 8180] [--management-port 9000] [--data .data/keycloak]
#       Installs if needed, copies the demo realm keycloak/demo-realm.json (demo users, demo
#       secrets: never for a real co-op; keycloak/production-realm.json is that one) into the
#       distribution's data/import/ and runs `kc.sh start-dev --import-realm` in the foreground
#       (Ctrl-C stops it).
#       --data: the folder of Keycloak's H2 database and transaction log, kept across restarts;
#         the realm is imported only when it does not exist yet there (`scripts/keycloak.sh
#         reset` deletes .data/keycloak to re-import an edited realm file). The end-to-end tests
#         give a throw-away folder. Always the same database kind, so Keycloak never rebuilds.
#       Readiness: http://localhost:<management-port>/health/ready
#
#   scripts/keycloak.sh reset
#       Deletes the default data folder (.data/keycloak), so the next start re-imports the realm.
#
# Environment:
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD  master-realm admin, default
#       admin/admin. DEMO ONLY: never use these defaults on a reachable machine.
#   JAVA_OPTS_KC_HEAP  JVM heap options (default "-Xms64m -Xmx512m").
#   JAVA_HOME          a JDK 21 or newer; otherwise one is looked for (see scripts/lib.sh).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$SCRIPT_DIR/lib.sh"

KEYCLOAK_VERSION=26.7.3
DEFAULT_DATA="$REPO_ROOT/.data/keycloak"
TOOLS_DIR="$REPO_ROOT/.tools"
KC_HOME="$TOOLS_DIR/keycloak-$KEYCLOAK_VERSION"
REALM_FILE="$REPO_ROOT/keycloak/demo-realm.json"

usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"
}

install_keycloak() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then
    echo "Keycloak $KEYCLOAK_VERSION is already installed in $KC_HOME"
    return 0
  fi
  require_jdk21
  mkdir -p "$TOOLS_DIR"
  echo "Unpacking org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip into $TOOLS_DIR (about 180 MB, with JAVA_HOME=$JAVA_HOME)..."
  (cd "$REPO_ROOT/backend" && ./mvnw -q dependency:unpack -Dmdep.overWriteReleases=true \
    "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    "-DoutputDirectory=$TOOLS_DIR")
  if [ ! -f "$KC_HOME/bin/kc.sh" ]; then
    echo "Unpacking finished but $KC_HOME/bin/kc.sh is missing." >&2
    return 1
  fi
  chmod +x "$KC_HOME"/bin/*.sh
  echo "Keycloak $KEYCLOAK_VERSION installed in $KC_HOME"
}

start_keycloak() {
  local http_port=8180 management_port=9000 data=$DEFAULT_DATA
  while [ $# -gt 0 ]; do
    case "$1" in
      --http-port) http_port=${2:?--http-port needs a value}; shift 2 ;;
      --http-port=*) http_port=${1#*=}; shift ;;
      --management-port) management_port=${2:?--management-port needs a value}; shift 2 ;;
      --management-port=*) management_port=${1#*=}; shift ;;
      --data) data=${2:?--data needs a value}; shift 2 ;;
      --data=*) data=${1#*=}; shift ;;
      -h|--help) usage; return 0 ;;
      *) echo "Unknown option for start: $1" >&2; usage >&2; return 2 ;;
    esac
  done
  mkdir -p "$data"
  data=$(cd "$data" && pwd)

  install_keycloak
  require_jdk21
  require_free_port "$http_port" "Keycloak HTTP"
  require_free_port "$management_port" "Keycloak management (health)"

  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/panier-realm.json"
  echo "Realm file copied to $KC_HOME/data/import/panier-realm.json"

  export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
  export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
  # Two Keycloaks (make run and the e2e tests) must not share a transaction log.
  export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} -Dquarkus.transaction-manager.object-store.directory=$data/transaction-logs"

  # The demo realm changed since it was imported (new clients, scopes…): the demo's Keycloak
  # starts afresh from it, or what the new code needs would be missing. Only the demo's own data.
  if [ "$data" = "$DEFAULT_DATA" ] && [ -f "$data/keycloakdb.mv.db" ] && [ "$REALM_FILE" -nt "$data/realm-imported" ]; then
    echo "The demo realm file is newer than the Keycloak data in $data: importing it afresh."
    rm -rf "$data"
  fi
  mkdir -p "$data" && touch "$data/realm-imported"
  if [ -f "$data/keycloakdb.mv.db" ]; then
    echo "Using the existing database in $data: a realm already in it is kept, not re-imported."
  fi
  echo "Starting Keycloak $KEYCLOAK_VERSION (JAVA_HOME=$JAVA_HOME, data in $data)"
  echo "  issuer:    http://localhost:$http_port/realms/panier"
  echo "  readiness: http://localhost:$management_port/health/ready"
  echo "  admin console: http://localhost:$http_port/admin/ (user '$KC_BOOTSTRAP_ADMIN_USERNAME'; demo credentials only)"
  cd "$KC_HOME"
  exec "$KC_HOME/bin/kc.sh" start-dev \
    --http-port "$http_port" \
    --http-management-port "$management_port" \
    --import-realm \
    --health-enabled=true \
    --db dev-file \
    --db-url "jdbc:h2:file:$data/keycloakdb;NON_KEYWORDS=VALUE"
}

reset_keycloak() {
  if [ -d "$DEFAULT_DATA" ]; then
    rm -rf "$DEFAULT_DATA"
    echo "Deleted $DEFAULT_DATA: the next start imports the realm afresh."
  else
    echo "No Keycloak data in $DEFAULT_DATA; nothing to delete."
  fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  install) install_keycloak ;;
  start) start_keycloak "$@" ;;
  reset) reset_keycloak ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
