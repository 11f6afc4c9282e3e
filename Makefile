# Panier: `make run` starts everything, `make test` runs every test. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
JDK := source $(ROOT)/scripts/lib.sh && require_jdk21
MVNW := cd $(ROOT)/backend && ./mvnw -B

.PHONY: help run test lint-contract contract-lint-deps bench test-backend test-frontend test-e2e build-frontend frontend-deps browser keycloak clean

help:
	@echo "make run    start PostgreSQL, Keycloak, the backend and the SPA (Ctrl-C stops them)"
	@echo "make test   run every test: contract lint, backend, frontend unit tests, browser end-to-end tests"
	@echo "make bench  measure the drive: N members ordering at once (not part of make test)"
	@echo "make clean  remove build output (keeps .data/, your local database)"

run:
	@bash $(ROOT)/scripts/run.sh

test: lint-contract test-backend test-frontend test-e2e

# The contract as Spectral's OpenAPI rules read it (.spectral.yaml): any error fails make test.
lint-contract: contract-lint-deps
	@cd $(ROOT)/tools/contract-lint && npm run -s lint

contract-lint-deps:
	@cd $(ROOT)/tools/contract-lint && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
	  || npm ci --no-audit --no-fund; }

# `verify` also packages the jar, which the crash drills (*IT, run by failsafe) and the end-to-end tests start.
test-backend:
	@$(JDK) && $(MVNW) verify

# A measurement, not a test: BENCH_MEMBERS and BENCH_CONCURRENCY size it; the figures are printed.
bench:
	@$(JDK) && mkdir -p $(ROOT)/backend/target && echo "==> Benchmark running (a few minutes); full log in backend/target/bench.log" \
	  && { $(MVNW) -q test -Dtest=DriveBenchmark -Dsurefire.failIfNoSpecifiedTests=false > $(ROOT)/backend/target/bench.log 2>&1; \
	       status=$$?; sed -n '/=== Drive benchmark/,/^$$/p' $(ROOT)/backend/target/bench.log; \
	       [ $$status = 0 ] || tail -40 $(ROOT)/backend/target/bench.log; exit $$status; }

frontend-deps:
	@cd $(ROOT)/frontend && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
	  || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; }

test-frontend: frontend-deps
	@cd $(ROOT)/frontend && npm run test:unit

build-frontend: frontend-deps
	@cd $(ROOT)/frontend && npm run build

# Debian's Chromium drives the browser tests; browser downloads are not used. jq reads Keycloak's
# answers in keycloak/verify-realm.sh, which the end-to-end tests run.
browser:
	@{ command -v chromium && command -v jq; } >/dev/null || { \
	  echo "==> Installing Debian's chromium and jq for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium jq >/dev/null; }

keycloak:
	@$(ROOT)/scripts/keycloak.sh install

# The jar the end-to-end tests start: rebuilt whenever a backend source or the contract is newer.
JAR := $(ROOT)/backend/target/quarkus-app/quarkus-run.jar
$(JAR): $(shell find $(ROOT)/backend/src -type f) $(ROOT)/backend/pom.xml $(ROOT)/openapi.yaml
	@echo "==> Packaging the backend"
	@$(JDK) && $(MVNW) -q package -DskipTests

test-e2e: browser keycloak build-frontend $(JAR)
	@$(JDK) && $(MVNW) -q dependency:build-classpath \
	  -Dmdep.includeScope=test -Dmdep.outputFile=target/devtools.classpath
	@bash $(ROOT)/scripts/e2e.sh

clean:
	@$(JDK) && $(MVNW) -q clean
	@rm -rf $(ROOT)/frontend/dist
