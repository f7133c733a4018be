#!/usr/bin/env python3
"""Abîme les packs territoriaux comme le ferait une saisie à la main, et vérifie que `verifier` le dit en français.

Pour chaque ligne des fichiers YAML et CSV des packs nommés (par défaut, tous ceux de territories/), une variante du
dépôt où cette ligne est retirée, et, pour une ligne « clé: valeur », où la valeur est vide, nulle (~) ou une liste
vide. Chaque variante passe par `java -jar target/harmonie.jar verifier --packs <copie> <pack>` : une sortie 0 (la
variante reste valable) ou 3 (pack refusé, en français) est attendue ; une trace de pile Java ou une autre sortie est
un défaut, listé à la fin (sortie 1).

Usage : ./mvnw -q package -DskipTests && scripts/fuzz-packs.py [region-84/2026.1 …]
        (HARMONIE_JAR=<autre jar> pour essayer un autre jar, celui de la version précédente par exemple)
Environ 4 s par variante sur deux cœurs (410 variantes pour les versions 2026.1 de region-84 et de la Métropole :
un quart d'heure).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

RACINE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("HARMONIE_JAR", os.path.join(RACINE, "target", "harmonie.jar"))
TERRITOIRES = os.path.join(RACINE, "territories")
CLE_VALEUR = re.compile(r"^(\s*-?\s*)([A-Za-z0-9_/]+):\s*(\S.*)$")


def versions(noms):
    if noms:
        return noms
    return sorted(os.path.join(p, v) for p in os.listdir(TERRITOIRES) if os.path.isdir(os.path.join(TERRITOIRES, p))
                  for v in os.listdir(os.path.join(TERRITOIRES, p)))


def variantes(version):
    for dossier, _, fichiers in os.walk(os.path.join(TERRITOIRES, version)):
        for f in sorted(fichiers):
            if not f.endswith((".yaml", ".csv")):
                continue
            chemin = os.path.relpath(os.path.join(dossier, f), TERRITOIRES)
            with open(os.path.join(dossier, f), encoding="utf-8") as lu:
                lignes = lu.read().split("\n")
            for i, ligne in enumerate(lignes):
                if not ligne.strip() or ligne.strip().startswith("#"):
                    continue
                yield chemin, i + 1, "ligne retirée", lignes[:i] + lignes[i + 1:]
                m = CLE_VALEUR.match(ligne)
                if m:
                    for nom, valeur in (("valeur vide", ""), ("valeur nulle", " ~"), ("liste vide", " []")):
                        yield chemin, i + 1, nom, lignes[:i] + [m.group(1) + m.group(2) + ":" + valeur] + lignes[i + 1:]


def essayer(variante):
    chemin, ligne, nature, lignes = variante
    with tempfile.TemporaryDirectory(prefix="fuzz-packs-") as depot:
        shutil.copytree(os.path.join(RACINE, "rules"), os.path.join(depot, "rules"))
        shutil.copytree(TERRITOIRES, os.path.join(depot, "territories"))
        with open(os.path.join(depot, "territories", chemin), "w", encoding="utf-8") as ecrit:
            ecrit.write("\n".join(lignes))
        fini = subprocess.run(["java", "-jar", JAR, "verifier", "--packs", depot, chemin.split("/")[0]],
                              capture_output=True, text=True, timeout=300)
    sortie = fini.stdout + fini.stderr
    defaut = fini.returncode not in (0, 3) or "Exception" in sortie or "\tat " in sortie
    return chemin, ligne, nature, fini.returncode, defaut, sortie.strip().split("\n")[:3]


def main():
    if not os.path.exists(JAR):
        sys.exit("target/harmonie.jar absent : ./mvnw -q package -DskipTests d'abord")
    toutes = [v for version in versions(sys.argv[1:]) for v in variantes(version)]
    print(f"{len(toutes)} variantes", flush=True)
    defauts = 0
    with ThreadPoolExecutor(os.cpu_count() or 2) as executeur:
        for chemin, ligne, nature, code, defaut, debut in executeur.map(essayer, toutes):
            if defaut:
                defauts += 1
                print(f"DÉFAUT {chemin} ligne {ligne} ({nature}) : sortie {code}", *debut, sep="\n  ", flush=True)
    print(f"{defauts} défaut(s) sur {len(toutes)} variantes")
    sys.exit(1 if defauts else 0)


if __name__ == "__main__":
    main()
