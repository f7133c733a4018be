#!/usr/bin/env bash
# Mesure de charge sur la boucle locale (wrk, paquet Debian « wrk »): débit de POST /api/v1/evaluations comparé à
# un point JSON trivial du même serveur (/actuator/health), et latence p99 à environ la moitié de la charge maximale.
# Usage: ./mvnw -q package -DskipTests && scripts/charge.sh   (démarre et arrête le service lui-même ;
#        options de la JVM par JAVA_OPTS, par exemple JAVA_OPTS=-XX:+UseParallelGC)
set -euo pipefail
port=${PORT:-8093}
duree=${DUREE:-20s}
source "$(dirname "$0")/service-jetable.sh"
url="http://localhost:$port"
wrk -t1 -c2 -d10s "$url/actuator/health" > /dev/null            # chauffe
wrk -t1 -c2 -d10s -s "$lua" "$url/api/v1/evaluations" > /dev/null
trivial=$(wrk -t1 -c2 -d"$duree" --latency "$url/actuator/health")
echo "== point trivial (2 connexions)";                      echo "$trivial" | grep -E 'Requests/sec|99%'
maximale=$(wrk -t1 -c2 -d"$duree" --latency -s "$lua" "$url/api/v1/evaluations")
echo "== évaluations, charge maximale (2 connexions)";       echo "$maximale" | grep -E 'Requests/sec|99%|Non-2xx'
moitie=$(wrk -t1 -c1 -d"$duree" --latency -s "$lua" "$url/api/v1/evaluations")
echo "== évaluations, environ moitié de charge (1 connexion)"; echo "$moitie" | grep -E 'Requests/sec|99%|Non-2xx'
# Un débit de réponses en erreur (corps illisible, service qui refuse) ne mesure rien : le dire plutôt que le comparer.
for mesure in "$maximale" "$moitie"; do
  if echo "$mesure" | grep -q 'Non-2xx'; then
    echo "== mesure invalide : des évaluations ont reçu une erreur ($(echo "$mesure" | awk '/Non-2xx/ {print $5}') réponses hors 2xx)" >&2
    exit 1
  fi
done
# Les deux cibles du ticket 4, dites ici pour qu'un écart se voie à la lecture : débit des évaluations ≥ 60 % de celui du
# point trivial, p99 ≤ 25 ms à environ la moitié de la charge.
debit() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
p99() { echo "$1" | awk '$1 == "99%" {print $2}'; }
awk -v e="$(debit "$maximale")" -v t="$(debit "$trivial")" -v p="$(p99 "$moitie")" 'BEGIN {
  r = 100 * e / t
  printf "== cibles : évaluations à %.0f %% du point trivial (%s, cible ≥ 60 %%) ; p99 à mi-charge %s (cible ≤ 25 ms)\n",
    r, (r >= 60 ? "atteinte" : "NON ATTEINTE"), p }'
