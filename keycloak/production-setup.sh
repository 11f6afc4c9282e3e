#!/usr/bin/env bash
# One-time setup of a production Keycloak after importing keycloak/production-realm.json.
#
#   keycloak/production-setup.sh --url https://auth.example.org --admin-user ADMIN \
#       --first-admin camille --first-admin-email camille@example.org [--first-name Camille --last-name Durand]
#
# Asks for the password of the Keycloak administrator (master realm) ADMIN on standard input
# (or takes KC_ADMIN_PASSWORD), then with kcadm.sh:
#  1. enables the service account of the client panier-backend, gives it the realm-management
#     roles view-users and manage-users (the backend disables the sign-in of suspended or
#     departed members and removes the account of an erased one), generates a new secret for it
#     and prints it once: hand it to the backend as PANIER_KEYCLOAK_ADMIN_SECRET;
#  2. enables the service account of the client panier-integrations-admin, gives it the
#     realm-management roles view-clients and manage-clients (the backend creates the integration
#     clients admins ask for on the page Intégrations), generates a new secret for it and prints
#     it once: hand it to the backend as PANIER_KEYCLOAK_CLIENTS_SECRET;
#  3. creates the co-op's first admin in the realm panier, with the roles admin and member and
#     a random temporary password printed once (Keycloak asks for a new one at the first login).
# Running it again regenerates the secret and leaves an existing first admin as it is.
#
# KCADM: the kcadm.sh to use, e.g. KCADM="docker compose exec -T keycloak /opt/keycloak/bin/kcadm.sh"
# (default: the one installed by scripts/keycloak.sh install, else kcadm.sh on the PATH).
# Needs jq and openssl.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
URL="" ADMIN_USER="" FIRST="" EMAIL="" FIRST_NAME="" LAST_NAME=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL=${2:?}; shift 2 ;;
    --admin-user) ADMIN_USER=${2:?}; shift 2 ;;
    --first-admin) FIRST=${2:?}; shift 2 ;;
    --first-admin-email) EMAIL=${2:?}; shift 2 ;;
    --first-name) FIRST_NAME=${2:?}; shift 2 ;;
    --last-name) LAST_NAME=${2:?}; shift 2 ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done
[ -n "$URL" ] && [ -n "$ADMIN_USER" ] && [ -n "$FIRST" ] && [ -n "$EMAIL" ] \
  || { echo "Needs --url, --admin-user, --first-admin and --first-admin-email (see --help)." >&2; exit 2; }
if [ -z "${KCADM:-}" ]; then
  KCADM=$(ls "$ROOT"/.tools/keycloak-*/bin/kcadm.sh 2>/dev/null | head -n1 || true)
  KCADM=${KCADM:-kcadm.sh}
fi
if [ -z "${KC_ADMIN_PASSWORD:-}" ]; then
  read -r -s -p "Password of the Keycloak administrator $ADMIN_USER: " KC_ADMIN_PASSWORD; echo
fi
# The kcadm session lives in a file of its own, removed at the end.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
kc() { $KCADM "$@" --config "$config"; }

kc config credentials --server "$URL" --realm master --user "$ADMIN_USER" --password "$KC_ADMIN_PASSWORD" >/dev/null

backend=$(kc get clients -r panier -q clientId=panier-backend --fields id | jq -r '.[0].id // empty')
[ -n "$backend" ] || { echo "No client panier-backend in the realm panier: import keycloak/production-realm.json first." >&2; exit 1; }
kc update "clients/$backend" -r panier -s serviceAccountsEnabled=true
kc add-roles -r panier --uusername service-account-panier-backend --cclientid realm-management \
  --rolename view-users --rolename manage-users
secret=$(kc create "clients/$backend/client-secret" -r panier -o | jq -r .value)
echo "Secret of panier-backend (give it to the backend as PANIER_KEYCLOAK_ADMIN_SECRET; shown once):"
echo "  $secret"

clients=$(kc get clients -r panier -q clientId=panier-integrations-admin --fields id | jq -r '.[0].id // empty')
[ -n "$clients" ] || { echo "No client panier-integrations-admin in the realm panier: import keycloak/production-realm.json first." >&2; exit 1; }
kc update "clients/$clients" -r panier -s serviceAccountsEnabled=true
kc add-roles -r panier --uusername service-account-panier-integrations-admin --cclientid realm-management \
  --rolename view-clients --rolename manage-clients
secret=$(kc create "clients/$clients/client-secret" -r panier -o | jq -r .value)
echo "Secret of panier-integrations-admin (give it to the backend as PANIER_KEYCLOAK_CLIENTS_SECRET; shown once):"
echo "  $secret"

if [ -n "$(kc get users -r panier -q "username=$FIRST" -q exact=true --fields id | jq -r '.[0].id // empty')" ]; then
  echo "The user $FIRST already exists: left as it is."
  exit 0
fi
kc create users -r panier -s "username=$FIRST" -s "email=$EMAIL" -s emailVerified=true -s enabled=true \
  -s "firstName=${FIRST_NAME:-$FIRST}" -s "lastName=${LAST_NAME:-}" >/dev/null
password=$(openssl rand -base64 18)
kc set-password -r panier --username "$FIRST" --new-password "$password" --temporary
kc add-roles -r panier --uusername "$FIRST" --rolename admin --rolename member
echo "First admin $FIRST created with the roles admin and member. Temporary password (shown once):"
echo "  $password"
