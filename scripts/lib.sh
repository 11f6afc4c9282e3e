# Shared shell helpers for the Makefile's scripts. Source it; it defines functions only.

# Prints the home of a JDK 21 or newer: JAVA_HOME first, then the usual JVM folders.
find_jdk21() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local home major
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$home"
      return 0
    fi
  done
  return 1
}

require_jdk21() {
  local home
  if ! home=$(find_jdk21); then
    echo "Panier needs a JDK 21 or newer (java and javac). None was found in JAVA_HOME or in" >&2
    echo "/usr/lib/jvm, /usr/java, /opt. Install one (e.g. 'apt-get install openjdk-21-jdk' or" >&2
    echo "Temurin 21) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs a Node project's packages (npm ci) unless they are there and newer than its lock file.
npm_install() {
  (cd "$1" && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
    || npm ci --no-audit --no-fund; })
}

# Fails with a clear message if something already listens on the TCP port.
require_free_port() {
  local port=$1 what=$2
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port (for $what) is already in use. Stop what uses it, or set the port variable (see README)." >&2
    return 1
  fi
}

# Waits until the URL answers 2xx, or fails after the given number of seconds.
wait_http() {
  local url=$1 seconds=$2 what=$3 i
  for ((i = 0; i < seconds; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "$what did not become ready at $url within ${seconds}s." >&2
  return 1
}
