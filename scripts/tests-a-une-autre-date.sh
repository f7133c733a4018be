#!/usr/bin/env bash
# Les tests qui jugent des dossiers « aujourd'hui » (sans dateReference, ou au jour du dépôt), joués comme si l'horloge
# de la machine marquait un autre jour : avant un changement d'année, vérifier que le build ne casse pas le 1er janvier
# (avis de calendrier de novembre et décembre, versions de packs qui entrent en vigueur, dates « futures »).
# Les dossiers de référence et les cas des règles ont leur propre date : ils n'en dépendent pas.
#
# Usage : scripts/tests-a-une-autre-date.sh 2027-01-15 [classes de test, séparées par des virgules]
# Demande libfaketime (paquet Debian « faketime ») ; la liste par défaut prend une minute. L'horloge monotone est
# déplacée elle aussi : avec FAKETIME_DONT_FAKE_MONOTONIC=1, les attentes minutées de la JVM tournaient à vide sous
# libfaketime 0.9.10 (un service démarré en 124 s au lieu de 11, 200 % de CPU au repos, les tests plus d'un quart
# d'heure). Toute la suite y passe aussi (`faketime -f "@2027-01-15 10:00:00" ./mvnw verify -DskipITs`, 617 tests en
# huit minutes, le 6 décembre 2026). Sous faketime, les dates du disque restent celles du vrai jour : un test qui juge
# l'âge d'un fichier le date lui-même à l'horloge de la JVM (EphemeresAbandonnesTest).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]]; then
  echo "usage : $0 AAAA-MM-JJ [classes de test]" >&2
  exit 2
fi
command -v faketime > /dev/null || { echo "faketime absent : apt-get install faketime" >&2; exit 2; }
tests=${2:-EvaluationApiTest,CycleDossierTest,CycleDesComptesTest,MatriceAutorisationsTest,ReglesEnVigueurApiTest,CommandeEvaluerTest}
# L'horloge part du jour donné à 10 h et avance ; les horloges monotones sont déplacées d'autant (voir plus haut).
faketime -f "@$1 10:00:00" \
  ./mvnw -B verify -DskipITs -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false
