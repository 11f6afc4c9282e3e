#!/usr/bin/env bash
# Builds the backend (jar + the classpath of the embedded PostgreSQL launcher) and offers the
# commands that start them. Sourced by run.sh and e2e.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib.sh
source "$ROOT/scripts/lib.sh"

build_backend() {
  echo "==> Building the backend (first time: a few minutes of downloads)"
  (cd "$ROOT/backend" && ./mvnw -q -B package -DskipTests \
    && ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test \
         -Dmdep.outputFile=target/devtools.classpath)
}

# The embedded PostgreSQL from the test support code: start_postgres <data dir> <port>. It makes
# its passwords on the first start, in <data dir>/../secrets/ (0700, files 0600), and exits as
# soon as its server dies.
start_postgres() {
  local cp
  cp="$ROOT/backend/target/test-classes:$(cat "$ROOT/backend/target/devtools.classpath")"
  exec java -Xmx128m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" coop.panier.testsupport.EmbeddedDatabase "$1" "$2"
}

# Hands the embedded cluster's application role and password to the backend: use_postgres <data dir>
use_postgres() {
  local secret
  secret="$(dirname "$1")/secrets/panier.password"
  [ -r "$secret" ] || { echo "No database password in $secret: did PostgreSQL start?" >&2; return 1; }
  export QUARKUS_DATASOURCE_USERNAME=panier
  QUARKUS_DATASOURCE_PASSWORD=$(<"$secret")
  export QUARKUS_DATASOURCE_PASSWORD
}

start_backend() {
  exec java -Xmx512m -jar "$ROOT/backend/target/quarkus-app/quarkus-run.jar"
}
