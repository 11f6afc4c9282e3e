#!/usr/bin/env bash
# Checks a running Keycloak against what Panier expects of the demo realm, keycloak/demo-realm.json.
#
#   keycloak/verify-realm.sh [--url http://localhost:8180] [--quiet] [--register] [--api http://localhost:8080]
#
# Start Keycloak first (scripts/keycloak.sh start --db dev-mem) and wait for its readiness
# (http://localhost:9000/health/ready). Needs curl, jq, openssl.
#
# What it does, with real HTTP calls only:
#  1. client credentials for panier-integration-demo: aud has panier-backend, scope has
#     panier:read and catalog:read, no person's role (member/referent/admin); the backend's client
#     panier-integrations-admin gets a token;
#  2. authorization code + PKCE (S256) logins of alice, camille, remi and bruno through the real
#     login form of panier-frontend; their access tokens carry iss, aud panier-backend,
#     realm_access.roles, sub (fixed ids), email, email_verified, given_name, family_name,
#     preferred_username;
#  3. panier-frontend refuses the password grant, the implicit flow, a login without a PKCE
#     code challenge or with the "plain" method, and a redirect URI outside the app; the token
#     endpoint answers CORS for the app's origins (5173 dev, 4173 preview) only;
#  4. with --register: self-registration through the real form gives the new person "member"
#     (this creates a user "selfreg-<random>": use it on a throw-away dev-mem Keycloak);
#  5. with --api (a backend running on this Keycloak with the demo data): camille suspends alice
#     through the API, after which alice can no longer sign in nor refresh her token; camille
#     reactivates her and she signs in again (the end-to-end tests run it, after the browser
#     tests, since alice's status history grows).
# Prints the decoded claims and "OK: n checks passed", or lists the failed checks and exits 1.
set -euo pipefail

KC_URL=http://localhost:8180
QUIET=false
REGISTER=false
API_URL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) KC_URL=${2:?--url needs a value}; shift 2 ;;
    --url=*) KC_URL=${1#*=}; shift ;;
    --quiet) QUIET=true; shift ;;
    --register) REGISTER=true; shift ;;
    --api) API_URL=${2:?--api needs a value}; shift 2 ;;
    -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done
for tool in curl jq openssl; do
  command -v "$tool" >/dev/null || { echo "verify-realm.sh needs $tool." >&2; exit 2; }
done

REALM_URL="$KC_URL/realms/panier"
OIDC="$REALM_URL/protocol/openid-connect"
FRONTEND_REDIRECT=http://localhost:5173/auth/callback
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=()
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then
    passed=$((passed + 1))
    $QUIET || echo "  ok   $what"
  else
    failed+=("$what")
    echo "  FAIL $what"
  fi
}

b64url_decode() {
  local s
  s=$(printf '%s' "$1" | tr '_-' '/+')
  case $((${#s} % 4)) in 2) s="$s==" ;; 3) s="$s=" ;; esac
  printf '%s' "$s" | base64 -d
}
jwt_claims() { b64url_decode "$(printf '%s' "$1" | cut -d. -f2)"; }
claims_have() { # claims_have JSON JQ-FILTER ; true when the filter yields true
  jq -e "$2" >/dev/null 2>&1 <<<"$1"
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# --- 0. the realm answers --------------------------------------------------------------------
if ! curl -fsS "$REALM_URL/.well-known/openid-configuration" -o "$WORK/discovery.json"; then
  echo "Keycloak does not answer at $REALM_URL (start it with scripts/keycloak.sh start)." >&2
  exit 1
fi
echo "Realm panier at $REALM_URL"
check "discovery issuer is $REALM_URL" \
  claims_have "$(cat "$WORK/discovery.json")" ".issuer == \"$REALM_URL\""

# --- 1. client credentials ---------------------------------------------------------------------
echo
echo "1. panier-integration-demo, client credentials"
curl -sS -o "$WORK/cc.json" -w '%{http_code}' "$OIDC/token" \
  -d grant_type=client_credentials -d client_id=panier-integration-demo \
  -d client_secret=demo-integration-secret > "$WORK/cc.status"
check "token endpoint answers 200" test "$(cat "$WORK/cc.status")" = 200
cc_token=$(jq -r '.access_token // empty' "$WORK/cc.json")
if [ -n "$cc_token" ]; then
  cc=$(jwt_claims "$cc_token")
  $QUIET || jq '{iss, aud, azp, sub, scope, realm_access, resource_access, client_id, exp, iat}' <<<"$cc"
  check "iss is $REALM_URL" claims_have "$cc" ".iss == \"$REALM_URL\""
  check "aud contains panier-backend" claims_have "$cc" '[.aud] | flatten | index("panier-backend") != null'
  check "scope contains panier:read" claims_have "$cc" '(.scope // "") | split(" ") | index("panier:read") != null'
  check "scope contains catalog:read (a scope of the contract)" claims_have "$cc" \
    '(.scope // "") | split(" ") | index("catalog:read") != null'
  check "no member/referent/admin role" claims_have "$cc" \
    '[(.realm_access.roles // [])[] | select(. == "member" or . == "referent" or . == "admin")] | length == 0'
  check "azp is panier-integration-demo" claims_have "$cc" '.azp == "panier-integration-demo"'
fi
curl -sS -o /dev/null -w '%{http_code}' "$OIDC/token" -d grant_type=client_credentials \
  -d client_id=panier-integration-demo -d client_secret=wrong > "$WORK/bad.status"
check "a wrong client secret is refused (401)" test "$(cat "$WORK/bad.status")" = 401
# The backend's client for the integration clients admins create gets its token (its roles,
# view-clients and manage-clients, are not in the token: frontend/e2e/integrations.e2e.ts uses them).
curl -sS -o /dev/null -w '%{http_code}' "$OIDC/token" -d grant_type=client_credentials \
  -d client_id=panier-integrations-admin -d client_secret=demo-integrations-admin-secret > "$WORK/clients-admin.status"
check "panier-integrations-admin gets a token" test "$(cat "$WORK/clients-admin.status")" = 200

# --- 2. authorization code + PKCE through the login form ------------------------------------------
# browser_flow ENDPOINT FORM_ID USERNAME FIELD=VALUE... -> prints the token response JSON.
# Opens ENDPOINT (auth or registrations) with a PKCE challenge, posts the form FORM_ID with the
# given fields and the session cookies, takes the code from the redirect to the app and
# exchanges it with the code verifier. Fails loudly on any step.
browser_flow() {
  local endpoint=$1 form_id=$2 username=$3; shift 3
  local jar="$WORK/cookies-$username" verifier challenge state page action location code field
  local fields=()
  # A fresh browser each time: a session kept from an earlier login would skip the form.
  rm -f "$jar"
  for field in "$@"; do fields+=(--data-urlencode "$field"); done
  verifier=$(openssl rand 48 | b64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
  state=$(openssl rand -hex 8)
  page=$(curl -fsS -c "$jar" -b "$jar" -G "$OIDC/$endpoint" \
    --data-urlencode client_id=panier-frontend \
    --data-urlencode response_type=code \
    --data-urlencode scope=openid \
    --data-urlencode "redirect_uri=$FRONTEND_REDIRECT" \
    --data-urlencode "state=$state" \
    --data-urlencode "code_challenge=$challenge" \
    --data-urlencode code_challenge_method=S256) || { echo "GET auth endpoint failed" >&2; return 1; }
  action=$(printf '%s' "$page" | tr '\n' ' ' | grep -o "<form[^>]*id=\"$form_id\"[^>]*>" \
    | grep -o 'action="[^"]*"' | head -n1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')
  [ -n "$action" ] || { echo "no form $form_id in the page for $username" >&2; return 1; }
  location=$(curl -sS -o "$WORK/form-answer-$username.html" -w '%{redirect_url}' -c "$jar" -b "$jar" \
    "$action" "${fields[@]}") || { echo "POST of form $form_id failed" >&2; return 1; }
  case "$location" in
    "$FRONTEND_REDIRECT"*) ;;
    *) echo "form $form_id for $username did not redirect to the app (got '$location'; page kept in" \
         "$WORK/form-answer-$username.html)" >&2; return 1 ;;
  esac
  [[ "$location" == *"state=$state"* ]] || { echo "state not echoed back" >&2; return 1; }
  code=$(printf '%s' "$location" | grep -o '[?&]code=[^&]*' | head -n1 | cut -d= -f2-)
  [ -n "$code" ] || { echo "no code in $location" >&2; return 1; }
  curl -fsS "$OIDC/token" -d grant_type=authorization_code -d client_id=panier-frontend \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$FRONTEND_REDIRECT" \
    --data-urlencode "code_verifier=$verifier"
}

# login USERNAME PASSWORD -> prints the token response JSON.
login() {
  browser_flow auth kc-form-login "$1" "username=$1" "password=$2" credentialId=
}

person() { # person USERNAME PASSWORD ID EMAIL GIVEN FAMILY ROLE...
  local username=$1 password=$2 id=$3 email=$4 given=$5 family=$6; shift 6
  local response token c role
  echo
  echo "2. $username: authorization code + PKCE on panier-frontend"
  if ! response=$(login "$username" "$password"); then
    check "$username logs in through the form" false
    return 0
  fi
  check "$username logs in through the form" true
  token=$(jq -r '.access_token // empty' <<<"$response")
  c=$(jwt_claims "$token")
  $QUIET || jq '{iss, aud, azp, typ, sub, preferred_username, email, email_verified, given_name, family_name, name, realm_access, scope, exp, iat}' <<<"$c"
  check "$username: iss is $REALM_URL" claims_have "$c" ".iss == \"$REALM_URL\""
  check "$username: aud contains panier-backend" claims_have "$c" '[.aud] | flatten | index("panier-backend") != null'
  check "$username: azp is panier-frontend" claims_have "$c" '.azp == "panier-frontend"'
  check "$username: sub is $id" claims_have "$c" ".sub == \"$id\""
  check "$username: preferred_username" claims_have "$c" ".preferred_username == \"$username\""
  check "$username: email $email, verified" claims_have "$c" ".email == \"$email\" and .email_verified == true"
  check "$username: given_name/family_name" claims_have "$c" ".given_name == \"$given\" and .family_name == \"$family\""
  for role in "$@"; do
    check "$username: realm_access.roles has $role" claims_have "$c" "(.realm_access.roles // []) | index(\"$role\") != null"
  done
  for role in member referent admin; do
    case " $* " in *" $role "*) continue ;; esac
    check "$username: realm_access.roles lacks $role" claims_have "$c" "(.realm_access.roles // []) | index(\"$role\") == null"
  done
  check "$username: a refresh token and an id token are issued" \
    claims_have "$response" '(.refresh_token | length > 0) and (.id_token | length > 0)'
}

person alice demo-alice 33333333-3333-4333-8333-333333333333 alice@panier.example Alice Martin member
person camille demo-camille 11111111-1111-4111-8111-111111111111 camille@panier.example Camille Durand member admin
person remi demo-remi 22222222-2222-4222-8222-222222222222 remi@panier.example "Rémi" "Lefèvre" member referent
person bruno demo-bruno 44444444-4444-4444-8444-444444444444 bruno@panier.example Bruno Moreau member

# --- 3. what panier-frontend must refuse -----------------------------------------------------------
echo
echo "3. panier-frontend refuses other flows"
pw=$(curl -sS "$OIDC/token" -d grant_type=password -d client_id=panier-frontend \
  -d username=alice -d password=demo-alice)
check "password grant refused" claims_have "$pw" '.error != null and .access_token == null'
nopkce=$(curl -sS -o /dev/null -w '%{redirect_url}' -G "$OIDC/auth" \
  --data-urlencode client_id=panier-frontend --data-urlencode response_type=code \
  --data-urlencode scope=openid --data-urlencode "redirect_uri=$FRONTEND_REDIRECT")
check "login without code_challenge refused" grep -q 'error=invalid_request.*code_challenge' <<<"$nopkce"
plain=$(curl -sS -o /dev/null -w '%{redirect_url}' -G "$OIDC/auth" \
  --data-urlencode client_id=panier-frontend --data-urlencode response_type=code \
  --data-urlencode scope=openid --data-urlencode "redirect_uri=$FRONTEND_REDIRECT" \
  --data-urlencode code_challenge=plainplainplainplainplainplainplainplainpla \
  --data-urlencode code_challenge_method=plain)
check "PKCE method plain refused (S256 only)" grep -q 'error=invalid_request' <<<"$plain"
foreign=$(curl -sS -o /dev/null -w '%{http_code}' -G "$OIDC/auth" \
  --data-urlencode client_id=panier-frontend --data-urlencode response_type=code \
  --data-urlencode scope=openid --data-urlencode redirect_uri=http://attacker.example/cb \
  --data-urlencode code_challenge=plainplainplainplainplainplainplainplainpla \
  --data-urlencode code_challenge_method=S256)
check "redirect URI outside the app refused (400)" test "$foreign" = 400
implicit=$(curl -sS -o /dev/null -w '%{redirect_url}' -G "$OIDC/auth" \
  --data-urlencode client_id=panier-frontend --data-urlencode response_type=token \
  --data-urlencode scope=openid --data-urlencode "redirect_uri=$FRONTEND_REDIRECT" \
  --data-urlencode nonce=n1)
check "implicit flow refused" grep -q 'error=' <<<"$implicit"
cors_origin() { # the Access-Control-Allow-Origin the token endpoint sends back to ORIGIN
  curl -sS -D - -o /dev/null "$OIDC/token" -H "Origin: $1" -d grant_type=authorization_code \
    -d client_id=panier-frontend -d code=not-a-code -d "redirect_uri=$FRONTEND_REDIRECT" \
    | tr -d '\r' | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin: //p'
}
for origin in http://localhost:5173 http://localhost:4173; do
  check "token endpoint allows CORS from $origin" test "$(cors_origin "$origin")" = "$origin"
done
check "token endpoint gives no CORS to another origin" test -z "$(cors_origin http://attacker.example)"

# --- 4. self-registration ------------------------------------------------------------------------
if $REGISTER; then
  echo
  newcomer="selfreg-$(openssl rand -hex 4)"
  echo "4. self-registration of $newcomer through the registration form"
  if response=$(browser_flow registrations kc-register-form "$newcomer" "username=$newcomer" \
      "email=$newcomer@panier.example" firstName=Nouvelle lastName=Adhérente \
      password=demo-newcomer-pw password-confirm=demo-newcomer-pw); then
    check "$newcomer registers and is signed in" true
    c=$(jwt_claims "$(jq -r .access_token <<<"$response")")
    $QUIET || jq '{sub, preferred_username, email, email_verified, given_name, family_name, realm_access}' <<<"$c"
    check "$newcomer: realm_access.roles has member (default roles)" \
      claims_have "$c" '(.realm_access.roles // []) | index("member") != null'
    check "$newcomer: no referent/admin" \
      claims_have "$c" '[(.realm_access.roles // [])[] | select(. == "referent" or . == "admin")] | length == 0'
  else
    check "$newcomer registers and is signed in" false
  fi
fi

# --- 5. suspension closes the sign-in --------------------------------------------------------------
# set_status TOKEN MEMBER_ID STATUS REASON -> the HTTP status of the change
set_status() {
  local etag
  etag=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $1" "$API_URL/api/v1/members/$2" \
    | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
  curl -sS -o "$WORK/status.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $1" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' -d "{\"status\": \"$3\", \"reason\": \"$4\"}" \
    "$API_URL/api/v1/members/$2/status-changes"
}
if [ -n "$API_URL" ]; then
  echo
  echo "5. suspending alice through the API at $API_URL closes her sign-in"
  admin_token=$(login camille demo-camille | jq -r .access_token)
  alice_session=$(login alice demo-alice)
  alice_id=$(curl -fsS -H "Authorization: Bearer $(jq -r .access_token <<<"$alice_session")" "$API_URL/api/v1/me" | jq -r .id)
  check "camille suspends alice (200)" test "$(set_status "$admin_token" "$alice_id" SUSPENDED "Vérification de la suspension")" = 200
  if login alice demo-alice >/dev/null 2>&1; then
    check "a suspended alice gets no token" false
  else
    check "a suspended alice gets no token" true
  fi
  refreshed=$(curl -sS -o /dev/null -w '%{http_code}' "$OIDC/token" -d grant_type=refresh_token -d client_id=panier-frontend \
    --data-urlencode "refresh_token=$(jq -r .refresh_token <<<"$alice_session")")
  check "her open session cannot refresh its token (400)" test "$refreshed" = 400
  check "camille reactivates alice (200)" test "$(set_status "$admin_token" "$alice_id" ACTIVE "Fin de la vérification")" = 200
  if login alice demo-alice >/dev/null 2>&1; then
    check "a reactivated alice signs in again" true
  else
    check "a reactivated alice signs in again" false
  fi
fi

echo
if [ ${#failed[@]} -eq 0 ]; then
  echo "OK: $passed checks passed."
else
  echo "FAILED: ${#failed[@]} check(s) failed, $passed passed:"
  printf '  - %s\n' "${failed[@]}"
  exit 1
fi
