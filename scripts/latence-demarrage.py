#!/usr/bin/env python3
# Latence vue par un client pendant les premières secondes d'un service: attend qu'il réponde, puis lui envoie le
# dossier de Dijon l'un après l'autre et donne médiane, 90e et 99e centiles et pire temps par tranche de 10 s.
# Sert à voir ce que coûte aux requêtes la préparation des chaînes qui suit un démarrage (README, « Chaînes
# préparées d'avance »). Usage: scripts/latence-demarrage.py http://localhost:8080 [secondes, 60 par défaut]
import sys, time, urllib.request
from pathlib import Path

url = sys.argv[1].rstrip("/")
duree = float(sys.argv[2]) if len(sys.argv) > 2 else 60
corps = (Path(__file__).resolve().parent.parent / "src/test/resources/exemples/construction-neuve-dijon.json").read_bytes()

for _ in range(600):
    try:
        urllib.request.urlopen(url + "/actuator/health", timeout=2).read()
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("le service ne répond pas sur " + url)

debut = time.monotonic()
mesures = []
while (t := time.monotonic()) - debut < duree:
    requete = urllib.request.Request(url + "/api/v1/evaluations", data=corps, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(requete) as reponse:
        reponse.read()
    mesures.append((t - debut, (time.monotonic() - t) * 1000))

for tranche in range(0, int(duree), 10):
    ms = sorted(m for s, m in mesures if tranche <= s < tranche + 10)
    if ms:
        centile = lambda q: ms[min(len(ms) - 1, int(len(ms) * q))]
        print(f"{tranche:3d}-{tranche + 10:3d} s : {len(ms):5d} requêtes, médiane {centile(0.5):6.1f} ms, "
              f"90e {centile(0.9):6.1f}, 99e {centile(0.99):6.1f}, pire {ms[-1]:7.1f}")
