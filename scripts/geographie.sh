#!/usr/bin/env bash
# Régénère src/main/resources/geo/ depuis le jeu de données ouvert @etalab/decoupage-administratif.
# Les périmètres des packs ne sont jamais saisis à la main: ils se déduisent de ces fichiers.
# Usage: scripts/geographie.sh   (il faut node et npm; le résultat est reproductible pour une version donnée)
set -euo pipefail
VERSION=6.0.0
INTEGRITE='sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ=='
racine="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "@etalab/decoupage-administratif@$VERSION" > /dev/null
archive=$(ls ./*.tgz)
calculee="sha512-$(openssl dgst -sha512 -binary "$archive" | base64 -w0)"
if [ "$calculee" != "$INTEGRITE" ]; then
  echo "Archive inattendue : $calculee au lieu de $INTEGRITE" >&2
  exit 1
fi
tar xzf "$archive"
node "$racine/scripts/geographie.mjs" package/data "$racine/src/main/resources/geo" "$VERSION" "$INTEGRITE"
