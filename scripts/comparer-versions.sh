#!/usr/bin/env bash
# Compare le temps CPU d'une évaluation entre une révision git et l'arbre de travail, en runs alternés.
#
# Pourquoi alterner : sur un hôte partagé, la vitesse varie de 40 % d'une heure à l'autre ; deux mesures prises à
# des moments différents ne se comparent pas. Chaque version est construite avec son propre TempsCpuMinimum, puis les
# deux tournent tour à tour, et on compare les moyennes de leurs minimums.
#
# Usage : scripts/comparer-versions.sh <révision> [runs=4] [tours=8] [opérations par tour=4000]
# Exemple : scripts/comparer-versions.sh HEAD~3
set -euo pipefail

revision=${1:?"usage : $0 <révision> [runs] [tours] [opérations par tour]"}
runs=${2:-4}
tours=${3:-8}
operations=${4:-4000}
depot=$(cd "$(dirname "$0")/.." && pwd)
travail=$(mktemp -d)
trap 'git -C "$depot" worktree remove --force "$travail/avant" >/dev/null 2>&1 || true; rm -rf "$travail"' EXIT

construire() { # $1 : dossier du projet ; écrit dans $2 le classpath de son TempsCpuMinimum
  (cd "$1" && ./mvnw -q -B -Pjmh test-compile \
    && ./mvnw -q -B -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$2.dependances")
  echo "$1/target/test-classes:$1/target/classes:$(cat "$2.dependances")" > "$2"
}

git -C "$depot" worktree add -q --detach "$travail/avant" "$revision"
if [ ! -f "$travail/avant/src/jmh/java/fr/harmonie/evaluation/TempsCpuMinimum.java" ]; then
  echo "la révision $revision n'a pas de TempsCpuMinimum : rien à comparer" >&2
  exit 2
fi
echo "construction de $revision et de l'arbre de travail…"
construire "$travail/avant" "$travail/cp-avant"
construire "$depot" "$travail/cp-apres"

for i in $(seq 1 "$runs"); do
  for version in avant apres; do
    java -cp "$(cat "$travail/cp-$version")" fr.harmonie.evaluation.TempsCpuMinimum "$tours" "$operations" 2>/dev/null \
      | sed -n "s/^\(évaluation\|règles seules (Drools)\|reçu seul (JSON canonique, sha256)\) \+\([0-9.]\+\).*/$version|\1|\2/p"
  done
  echo "run $i/$runs fait" >&2
done | awk -F'|' -v rev="$revision" '
  { somme[$2, $1] += $3; n[$2, $1]++; if (!($2 in vu)) { vu[$2] = 1; ordre[++k] = $2 } }
  END {
    printf "%-36s %14s %14s %8s\n", "CPU min moyen par opération (µs)", rev, "travail", "écart"
    for (i = 1; i <= k; i++) {
      o = ordre[i]; a = somme[o, "avant"] / n[o, "avant"]; b = somme[o, "apres"] / n[o, "apres"]
      printf "%-36s %14.1f %14.1f %+7.1f %%\n", o, a, b, 100 * (b - a) / a
    }
  }'
