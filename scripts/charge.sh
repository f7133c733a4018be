#!/usr/bin/env bash
# Mesure de charge sur la boucle locale (wrk, paquet Debian « wrk »): débit de POST /api/v1/evaluations comparé à
# un point JSON trivial du même serveur (/actuator/health), et latence p99 à environ la moitié de la charge maximale.
# Usage: ./mvnw -q package -DskipTests && scripts/charge.sh   (démarre et arrête le service lui-même ;
#        options de la JVM par JAVA_OPTS, par exemple JAVA_OPTS=-XX:+UseParallelGC)
set -euo pipefail
racine="$(cd "$(dirname "$0")/.." && pwd)"
port=${PORT:-8093}
duree=${DUREE:-20s}
lua="$(mktemp --suffix=.lua)"
trap 'rm -f "$lua"; kill "$pid" 2>/dev/null || true' EXIT
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$racine/src/test/resources/golden/01-construction-neuve-dijon/dossier.json", "r")
wrk.body = f:read("*a")
f:close()
LUA
java ${JAVA_OPTS:-} -jar "$racine/target/harmonie.jar" --server.port="$port" --harmonie.donnees.ephemeres=true > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health" > /dev/null && break; sleep 1; done
url="http://localhost:$port"
wrk -t1 -c2 -d10s "$url/actuator/health" > /dev/null            # chauffe
wrk -t1 -c2 -d10s -s "$lua" "$url/api/v1/evaluations" > /dev/null
echo "== point trivial (2 connexions)";          wrk -t1 -c2 -d"$duree" --latency "$url/actuator/health" | grep -E 'Requests/sec|99%'
echo "== évaluations, charge maximale (2 connexions)"; wrk -t1 -c2 -d"$duree" --latency -s "$lua" "$url/api/v1/evaluations" | grep -E 'Requests/sec|99%|Non-2xx'
echo "== évaluations, environ moitié de charge (1 connexion)"; wrk -t1 -c1 -d"$duree" --latency -s "$lua" "$url/api/v1/evaluations" | grep -E 'Requests/sec|99%|Non-2xx'
