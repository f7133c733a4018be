#!/usr/bin/env python3
"""Archive la version du socle national en vigueur (rules/) et ce que le moteur d'aujourd'hui en dit.

À lancer en publiant une nouvelle version du socle, une fois rules/ changé, la version montée et le jar construit,
dans le même commit : l'archive (src/test/resources/rejeu/national-<version>.zip) et les évaluations scellées des
dossiers de rejeu (scelles-national-<version>.jsonl), faites par le moteur qui publie la version, permettent à
RejeuDesVersionsPublieesTest de vérifier, pour toujours, qu'une évaluation scellée avec cette version redonne son
reçu, quoi qu'on change au moteur ensuite.

Les dossiers sont ceux du dernier fichier scelles-*.jsonl déjà archivé. Il faut le jar construit :
    ./mvnw -q package -DskipTests && scripts/archiver-socle.py
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

DEPOT = pathlib.Path(__file__).resolve().parent.parent
REJEU = DEPOT / "src/test/resources/rejeu"
JAR = DEPOT / "target/harmonie.jar"


def version_en_vigueur():
    texte = (DEPOT / "rules/pack.yaml").read_text(encoding="utf-8")
    return re.search(r'^version:\s*"?([^"\s]+)"?', texte, re.M).group(1)


def archiver_regles(cible):
    fichiers = sorted(p for p in (DEPOT / "rules").rglob("*") if p.is_file())
    with zipfile.ZipFile(cible, "w", zipfile.ZIP_DEFLATED) as z:
        for p in fichiers:
            # Date fixe : la même version donne la même archive.
            info = zipfile.ZipInfo(p.relative_to(DEPOT / "rules").as_posix(), date_time=(2026, 1, 1, 0, 0, 0))
            z.writestr(info, p.read_bytes(), zipfile.ZIP_DEFLATED)


def main():
    version = version_en_vigueur()
    archive = REJEU / f"national-{version}.zip"
    scelles = REJEU / f"scelles-national-{version}.jsonl"
    if archive.exists() or scelles.exists():
        sys.exit(f"national@{version} est déjà archivé ({archive.name}) : une version publiée ne change plus.")
    if not JAR.exists():
        sys.exit("jar absent : ./mvnw -q package -DskipTests d'abord.")
    precedents = sorted(REJEU.glob("scelles-national-*.jsonl"),
                        key=lambda p: [int(n) for n in re.findall(r"\d+", p.name)])
    dossiers = [json.loads(l)["dossier"] for l in precedents[-1].read_text(encoding="utf-8").splitlines() if l]
    with tempfile.TemporaryDirectory() as tmp:
        for i, d in enumerate(dossiers):
            (pathlib.Path(tmp) / f"d{i:03d}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
        sortie = subprocess.run(["java", "-jar", str(JAR), "evaluer", "--packs", str(DEPOT), tmp],
                                capture_output=True, text=True, encoding="utf-8")
        if sortie.returncode not in (0, 1):
            sys.exit("evaluer a échoué :\n" + sortie.stderr)
        resultats = {pathlib.Path(json.loads(l)["fichier"]).name: json.loads(l)["resultat"]
                     for l in sortie.stdout.splitlines() if l}
    lignes = []
    for i, d in enumerate(dossiers):
        r = resultats[f"d{i:03d}.json"]
        if r["territoire"]["packs"][0]["version"] != version:
            sys.exit(f"le jar n'évalue pas avec national@{version} : reconstruire le jar.")
        lignes.append(json.dumps({"dossier": d, "niveau": r["maturite"]["niveau"],
                                  "prochainesEtapes": r["maturite"]["prochainesEtapes"], "empreinte": r["empreinte"]},
                                 ensure_ascii=False, separators=(",", ":")))
    archiver_regles(archive)
    scelles.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    print(f"national@{version} archivé : {archive.relative_to(DEPOT)}, {len(lignes)} évaluations scellées.")


if __name__ == "__main__":
    main()
