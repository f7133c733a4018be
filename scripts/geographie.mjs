// Dérive de @etalab/decoupage-administratif ce dont Harmonie a besoin: pour chaque commune actuelle (et chaque
// arrondissement municipal de Paris, Lyon et Marseille, qui ont leur propre code INSEE), son département, sa région
// et son EPCI à fiscalité propre; la liste des EPCI; et, pour chaque code postal, les codes INSEE qui le portent (un
// code postal saisi à la place du code INSEE se reconnaît alors); et les communes déléguées ou associées dont le code
// n'est plus celui d'une commune actuelle, avec la commune qu'elles ont rejointe (l'ancien code d'une commune fusionnée
// se reconnaît aussi). Sortie triée: même entrée, mêmes octets. Le millésime (l'année du 1er janvier dont le découpage
// est l'état) vient du tableau « Millésimes et versions de package » du README du paquet: une commune créée après ce
// jour n'y est pas, et Harmonie le dit à qui en saisit le code.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const [donnees, sortie, version, integrite] = process.argv.slice(2);
const communes = JSON.parse(readFileSync(`${donnees}/communes.json`, 'utf8'));
const epcis = JSON.parse(readFileSync(`${donnees}/epci.json`, 'utf8'));
const ligneMillesime = readFileSync(`${donnees}/../README.md`, 'utf8').split('\n')
  .map((l) => l.split('|').map((c) => c.trim()))
  .find((c) => c.length > 3 && /^\d{4}$/.test(c[1]) && c[2] === version);
if (!ligneMillesime) throw new Error(`version ${version} absente du tableau des millésimes du README du paquet`);
const millesime = ligneMillesime[1];

const epciDe = new Map();
for (const e of epcis) {
  for (const m of e.membres) epciDe.set(m.code, e.code);
}
const csv = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const lignes = communes
  .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
  .map((c) => [c.code, c.nom, c.departement, c.region, epciDe.get(c.type === 'commune-actuelle' ? c.code : c.commune) ?? ''])
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  .map((l) => l.map(csv).join(','));
const communesCsv = ['code,nom,departement,region,epci', ...lignes].join('\n') + '\n';
const parCodePostal = new Map();
for (const c of communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')) {
  for (const cp of c.codesPostaux ?? []) {
    if (!parCodePostal.has(cp)) parCodePostal.set(cp, []);
    parCodePostal.get(cp).push(c.code);
  }
}
const codesPostauxCsv = ['codePostal,communes', ...[...parCodePostal.entries()]
  .sort((a, b) => (a[0] < b[0] ? -1 : 1))
  .map(([cp, codes]) => `${cp},${[...new Set(codes)].sort().join(' ')}`)].join('\n') + '\n';
const actuels = new Set(communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal').map((c) => c.code));
const rattachement = { 'commune-deleguee': 'DELEGUEE', 'commune-associee': 'ASSOCIEE' };
const anciennes = communes
  .filter((c) => rattachement[c.type] && !actuels.has(c.code))
  .map((c) => [c.code, c.nom, rattachement[c.type], c.chefLieu])
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const anciennesCsv = ['code,nom,rattachement,commune', ...anciennes.map((l) => l.map(csv).join(','))].join('\n') + '\n';
const epciCsv = ['code,nom', ...epcis.map((e) => [e.code, e.nom]).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((l) => l.map(csv).join(','))].join('\n') + '\n';
writeFileSync(`${sortie}/communes.csv`, communesCsv);
writeFileSync(`${sortie}/epci.csv`, epciCsv);
writeFileSync(`${sortie}/codes-postaux.csv`, codesPostauxCsv);
writeFileSync(`${sortie}/communes-rattachees.csv`, anciennesCsv);
const sha = (t) => createHash('sha256').update(t).digest('hex');
writeFileSync(`${sortie}/provenance.properties`, [
  '# Géographie dérivée par scripts/geographie.sh: ne pas modifier à la main.',
  'source=@etalab/decoupage-administratif',
  `version=${version}`,
  `millesime=${millesime}`,
  `integrite=${integrite}`,
  `communes.csv.sha256=${sha(communesCsv)}`,
  `epci.csv.sha256=${sha(epciCsv)}`,
  `codes-postaux.csv.sha256=${sha(codesPostauxCsv)}`,
  `communes-rattachees.csv.sha256=${sha(anciennesCsv)}`,
  '',
].join('\n'));
console.log(`${lignes.length} communes, ${epcis.length} EPCI, ${parCodePostal.size} codes postaux, ${anciennes.length} communes rattachées`);
