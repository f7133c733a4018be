# À sourcer par les mesures de charge (charge.sh, rafale-pdf.sh) : le jar lancé sur des données éphémères, un script
# wrk qui poste le dossier de Dijon, et leur ménage à la sortie. Définit racine, lua et pid ; attend que le service
# réponde. Usage : port=… ; source "$(dirname "$0")/service-jetable.sh" [options du service]
racine="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lua="$(mktemp --suffix=.lua)"
trap 'rm -f "$lua"; kill "$pid" 2>/dev/null || true' EXIT
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$racine/src/test/resources/golden/01-construction-neuve-dijon/dossier.json", "r")
wrk.body = f:read("*a")
f:close()
LUA
java ${JAVA_OPTS:-} -jar "$racine/target/harmonie.jar" --server.port="$port" --harmonie.donnees.ephemeres=true "$@" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health" > /dev/null && break; sleep 1; done
