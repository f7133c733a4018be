#!/usr/bin/env bash
# Une rafale de rapports PDF sans compte (POST /api/v1/evaluations?format=pdf, 8 connexions) à côté d'évaluations en JSON
# (2 connexions) : le débit et le p99 des évaluations seules, puis pendant la rafale, et le débit des rapports. Ce que
# borne harmonie.impressions.simultanees (la moitié des cœurs par défaut) ; sans borne, la rafale prend tous les cœurs.
# Usage: ./mvnw -q package -DskipTests && scripts/rafale-pdf.sh [options du service]
#        par exemple scripts/rafale-pdf.sh --harmonie.impressions.simultanees=64   (pour comparer, sans borne)
set -euo pipefail
port=${PORT:-8094}
rapports="$(mktemp)"
source "$(dirname "$0")/service-jetable.sh" "$@"
trap 'rm -f "$lua" "$rapports"; kill "$pid" 2>/dev/null || true' EXIT
url="http://localhost:$port/api/v1/evaluations"
wrk -t1 -c2 -d10s -s "$lua" "$url" > /dev/null                  # chauffe
wrk -t1 -c2 -d10s -s "$lua" "$url?format=pdf" > /dev/null
seules=$(wrk -t1 -c2 -d15s --latency -s "$lua" "$url")
wrk -t2 -c8 -d20s --latency -s "$lua" "$url?format=pdf" > "$rapports" &
rafale=$!
sleep 2
pendant=$(wrk -t1 -c2 -d15s --latency -s "$lua" "$url")
wait "$rafale"
resume() { echo "$1" | awk '/Requests\/sec/ {d = $2} $1 == "99%" {p = $2} /Non-2xx/ {e = " ; hors 2xx : " $5} END {printf "%s/s, p99 %s%s", d, p, e}'; }
echo "== évaluations seules (2 connexions) : $(resume "$seules")"
echo "== évaluations pendant la rafale de rapports : $(resume "$pendant")"
echo "== rapports PDF (8 connexions) : $(resume "$(cat "$rapports")")"
