#!/usr/bin/env python3
# Opérations concurrentes et contradictoires sur quelques dossiers partagés, sur un service qui tourne avec ses comptes
# de démonstration: modifications avec des ETag périmés, évaluations, dépôts, instruction, suppressions, remplacement
# des packs d'un service, jetons émis et révoqués, comptes désactivés et réactivés, rechargements des packs, par
# 12 fils pendant DUREE secondes. Échoue (code 1) sur toute réponse 5xx; donne la médiane et le pire temps de chaque
# opération.
# Usage: ./mvnw -q package -DskipTests && java -jar target/harmonie.jar --harmonie.donnees.ephemeres=true &
#        scripts/concurrence-api.py http://localhost:8080 [DUREE]
from datetime import datetime
import base64, json, os, random, sys, threading, time, urllib.request, uuid
H = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
DUREE = float(sys.argv[2]) if len(sys.argv) > 2 else 60
RACINE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
random.seed(11)

def req(m, p, compte=None, corps=None, entetes=None):
    data = None if corps is None else json.dumps(corps).encode()
    r = urllib.request.Request(H + p, data=data, method=m)
    if compte:
        r.add_header("Authorization", "Basic " + base64.b64encode(f"{compte}:demo".encode()).decode())
    if data is not None:
        r.add_header("Content-Type", "application/json")
    for k, v in (entetes or {}).items():
        r.add_header(k, v)
    try:
        with urllib.request.urlopen(r, timeout=120) as rep:
            return rep.status, dict(rep.headers), rep.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()

dossier = json.load(open(os.path.join(RACINE, "src/test/resources/exemples/construction-neuve-dijon.json")))
corps_de = {}  # mostly each dossier its own operation; some share one (CREATION), which is never twice in instruction

def nouveau():
    corps = dict(dossier, reference="CONC-" + uuid.uuid4().hex[:12])
    r = req("POST", "/api/v1/dossiers", "bailleur2", corps)
    if r[0] == 201:
        with verrou:
            corps_de[json.loads(r[2])["id"]] = corps
    return r

verrou = threading.Lock()
for _ in range(4):
    nouveau()
ids = list(corps_de)
organisations = json.loads(req("GET", "/api/v1/admin/organisations", "admin")[2])
service = next(o["id"] for o in organisations if o["type"] == "SERVICE_INSTRUCTEUR")
problemes, durees = [], {}
# A colleague of the service that instructs, to give dossiers to while they are deposited, instructed or withdrawn.
socle = json.loads(req("GET", "/api/v1/moi", "instructeur-socle")[2])["organisation"]
req("POST", "/api/v1/admin/comptes", "admin", {"identifiant": "renfort", "motDePasse": "un mot de passe assez long",
                                               "organisation": socle})

def operation():
    i = random.choice(ids)
    c = random.random()
    if c < 0.2:
        etag = req("GET", f"/api/v1/dossiers/{i}", "bailleur2")[1].get("ETag") or '"1"'
        return "PUT", req("PUT", f"/api/v1/dossiers/{i}", "bailleur2", corps_de[i], {"If-Match": etag})
    if c < 0.35:
        return "EVALUATION", req("POST", f"/api/v1/dossiers/{i}/evaluations", "bailleur2")
    if c < 0.5:
        return "DEPOT", req("POST", f"/api/v1/dossiers/{i}/depot", "bailleur2")
    if c < 0.6:
        # A reopening races the bailleur's deposit of another dossier of the same operation: never both in instruction.
        action = random.choice(["PRENDRE_EN_INSTRUCTION", "DEMANDER_COMPLEMENTS", "INSTRUIRE", "CORRIGER_DECISION",
                                "ROUVRIR_INSTRUCTION", "CONFIER"])
        if action == "CONFIER":
            return "CONFIER", req("POST", f"/api/v1/dossiers/{i}/instruction", "instructeur-socle",
                                  {"action": action, "instructeur": random.choice(["renfort", "instructeur-socle"])})
        corps = {"action": action, "message": "m"}
        if action == "CORRIGER_DECISION" or (action == "INSTRUIRE" and random.random() < 0.7):
            corps["decision"] = random.choice(["FAVORABLE", "DEFAVORABLE"])
        if action == "DEMANDER_COMPLEMENTS" and random.random() < 0.5:
            corps["pieces"] = random.sample(["PLAN_MASSE", "PRIX_REVIENT", "AVIS_COMMUNE", "ECHEANCIER"], 2)
        return "INSTRUCTION", req("POST", f"/api/v1/dossiers/{i}/instruction", "instructeur-socle", corps)
    if c < 0.63:
        return "SUPPRESSION", req("DELETE", f"/api/v1/dossiers/{i}", "bailleur2")
    if c < 0.65:
        # Withdrawn while the service takes it, asks for compléments or closes it: one of them wins, the other is told.
        return "RETRAIT", req("POST", f"/api/v1/dossiers/{i}/retrait", "bailleur2", {"message": "abandon"})
    if c < 0.7:
        if random.random() < 0.3:
            # Another dossier of an operation already filed (a refusal, then a new request; or a duplicate by mistake).
            meme = corps_de[i]
            r = req("POST", "/api/v1/dossiers", "bailleur2", meme)
            if r[0] == 201:
                with verrou:
                    corps_de[json.loads(r[2])["id"]] = meme
                    ids.append(json.loads(r[2])["id"])
            return "CREATION", r
        r = nouveau()
        if r[0] == 201:
            with verrou:
                ids.append(json.loads(r[2])["id"])
        return "CREATION", r
    if c < 0.75:
        packs = random.choice([["national"], ["national", "region-84"], ["region-84"]])
        return "TERRITOIRES", req("PUT", f"/api/v1/admin/organisations/{service}/territoires", "admin", packs)
    if c < 0.8:
        r = req("POST", "/api/v1/jetons", "bailleur2", {"libelle": "concurrence"})
        return ("REVOCATION", req("DELETE", f"/api/v1/jetons/{json.loads(r[2])['id']}", "bailleur2")) if r[0] == 201 else ("JETON", r)
    if c < 0.83:
        return "LISTE", req("GET", "/api/v1/dossiers?limite=5", "bailleur2")
    if c < 0.835:
        # Read while dossiers are deposited, given, instructed and withdrawn.
        return "REPARTITION", req("GET", "/api/v1/dossiers/repartition", "instructeur-socle")
    if c < 0.84:
        # A note while the dossier is deposited, instructed or withdrawn (404 for one never deposited, or deleted);
        # the deleted drafts read while deletions go on; a search while contents change.
        tirage = random.random()
        if tirage < 0.4:
            return "NOTE", req("POST", f"/api/v1/dossiers/{i}/notes", "instructeur-socle", {"texte": "note"})
        if tirage < 0.7:
            return "SUPPRIMES", req("GET", "/api/v1/dossiers/supprimes?limite=5", "bailleur2")
        return "RECHERCHE", req("GET", "/api/v1/dossiers?recherche=dijon&limite=5", "bailleur2")
    if c < 0.85:
        # A copy of a dossier deleted, deposited or withdrawn meanwhile: a new draft, or 404, never a 5xx.
        r = req("POST", f"/api/v1/dossiers/{i}/copie", "bailleur2", {"phase": random.choice(["AGREMENT", "PROGRAMMATION"])})
        if r[0] == 201:
            with verrou:
                copie = json.loads(r[2])["id"]
                lu = json.loads(req("GET", f"/api/v1/dossiers/{copie}", "bailleur2")[2])
                corps_de[copie] = lu["dossier"]
                ids.append(copie)
        return "COPIE", r
    if c < 0.9:
        return "EVALUATIONS", req("GET", f"/api/v1/dossiers/{i}/evaluations?limite=2", "bailleur2")
    if c < 0.93:
        # Printed while dossiers are deleted and packs reloaded: the report of an evaluation, the sheet of the rules.
        r = req("GET", f"/api/v1/dossiers/{i}/evaluations?limite=1", "bailleur2")
        if r[0] == 200 and json.loads(r[2]):
            return "RAPPORT", req("GET", f"/api/v1/evaluations/{json.loads(r[2])[0]['id']}/rapport", "bailleur2")
        return "FICHE", req("GET", "/api/v1/territoires/region-84/fiche")
    if c < 0.95:
        # Printed without an account while packs are reloaded: the chain it starts with, to the end.
        return "RAPPORT_SANS_COMPTE", req("POST", "/api/v1/evaluations?format=pdf", None, dossier)
    if c < 0.97:
        # Counted from the journal while deposits, requests for compléments and deletions are written.
        return "STATISTIQUES", req("GET", "/api/v1/statistiques", random.choice(["bailleur2", "instructeur-socle"]))
    if c < 0.99:
        return "ACTIVITE", req("PUT", "/api/v1/admin/comptes/instructeur28/actif", "admin", {"actif": random.choice([True, False])})
    # Rare: a reload takes a second or more, and they run one at a time.
    return "RECHARGEMENT", req("POST", "/api/v1/admin/packs/rechargement", "admin")

def fil():
    fin = time.time() + DUREE
    while time.time() < fin:
        debut = time.time()
        nom, (statut, _, corps) = operation()
        with verrou:
            durees.setdefault(nom, []).append(time.time() - debut)
            if statut >= 500:
                problemes.append((nom, statut, corps[:300]))

fils = [threading.Thread(target=fil) for _ in range(12)]
for f in fils:
    f.start()
for f in fils:
    f.join()
print("requêtes :", sum(len(v) for v in durees.values()), "5xx :", len(problemes))
for nom, v in sorted(durees.items()):
    v.sort()
    print(f"{nom:13} {len(v):5}  médiane {v[len(v) // 2]:.3f} s  pire {v[-1]:.3f} s")
for p in problemes[:20]:
    print(p)
# One operation, one dossier in instruction: whatever the order of deposits, reopenings and withdrawals.
en_cours = {}
for ligne in req("GET", "/api/v1/dossiers?format=jsonl&statut=DEPOSE&statut=EN_INSTRUCTION&statut=COMPLEMENTS_DEMANDES",
                 "bailleur2")[2].decode().splitlines():
    d = json.loads(ligne)
    en_cours.setdefault(json.dumps(corps_de.get(d["id"]), sort_keys=True), []).append(d["id"])
doubles = [v for k, v in en_cours.items() if len(v) > 1 and k != "null"]
print("opérations en instruction :", len(en_cours), "en double :", len(doubles))
for v in doubles[:5]:
    print("en double :", v)
# What each dossier says agrees with its history: the decision is the last one said (a close, a correction), none once
# reopened or before any close; a withdrawn dossier was withdrawn once; its instructeur is the last who took or was given it.
incoherents = []
for ligne in req("GET", "/api/v1/dossiers?format=jsonl", "bailleur2")[2].decode().splitlines():
    d = json.loads(ligne)
    historique = json.loads(req("GET", f"/api/v1/dossiers/{d['id']}/historique", "bailleur2")[2])
    attendue, instructeur = None, None
    # Since when at its status: the last line that changed it (a close corrected or a dossier given keeps it), else
    # its creation; and who changed it last, the author of its last line that is not an evaluation.
    statut_depuis = d["creeLe"]
    auteur = None
    for h in historique:
        if h["action"] in ("DEPOT", "PRENDRE_EN_INSTRUCTION", "DEMANDER_COMPLEMENTS", "INSTRUIRE", "ROUVRIR_INSTRUCTION", "RETRAIT"):
            statut_depuis = h["quand"]
        if h["action"] != "EVALUATION":
            auteur = h["qui"]
        if h["action"] in ("INSTRUIRE", "CORRIGER_DECISION", "ROUVRIR_INSTRUCTION"):
            attendue = (h.get("detail") or {}).get("decision") if h["action"] != "ROUVRIR_INSTRUCTION" else None
        # Who has it: the last to take it in instruction, or to whom it was given since.
        if h["action"] == "PRENDRE_EN_INSTRUCTION":
            instructeur = h["qui"]
        if h["action"] == "CONFIER":
            instructeur = h["detail"]["instructeur"]
    retraits = sum(1 for h in historique if h["action"] == "RETRAIT")
    meme_instant = lambda a, b: datetime.fromisoformat(a.replace("Z", "+00:00")) == datetime.fromisoformat(b.replace("Z", "+00:00"))
    if (d.get("decision") != attendue or retraits != (1 if d["statut"] == "RETIRE" else 0) or d.get("instructeur") != instructeur
            or not meme_instant(d["statutDepuis"], statut_depuis) or d.get("modifiePar") != auteur):
        incoherents.append((d["id"], d["statut"], d.get("decision"), attendue, retraits, d.get("instructeur"), instructeur,
                            d["statutDepuis"], statut_depuis, d.get("modifiePar"), auteur))
print("dossiers relus :", len(corps_de), "incohérents avec leur historique :", len(incoherents))
for i in incoherents[:5]:
    print("incohérent :", i)
sys.exit(1 if problemes or doubles or incoherents else 0)
