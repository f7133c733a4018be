#!/usr/bin/env python3
# Fuzz de l'API sur un service qui tourne avec ses comptes de démonstration: valeurs hostiles (NUL, demi-paires de
# substitution, textes de 70 000 caractères, textes courts en caractères mais longs en octets, nombres extrêmes, types
# faux) dans chaque champ des corps JSON, dans les chemins, les paramètres d'adresse, les en-têtes If-Match,
# Authorization et Accept, et dans chaque feuille d'un dossier.
# Échoue (code 1) sur toute réponse 5xx ou toute erreur 4xx qui n'est pas en application/problem+json.
# Usage: ./mvnw -q package -DskipTests && java -jar target/harmonie.jar --harmonie.donnees.ephemeres=true &
#        scripts/fuzz-api.py http://localhost:8080
import copy, json, os, random, sys, urllib.parse, urllib.request, base64
H = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
RACINE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import time
for _ in range(120):  # the service may still be starting
    try:
        urllib.request.urlopen(H + "/actuator/health", timeout=2).read()
        break
    except Exception:
        time.sleep(1)
random.seed(7)
HOSTILE = ["\u0000", "a\u0000b", "x" * 70000, "' OR 1=1 --", "../../etc/passwd", "%00", "😀" * 10, "é" * 60, "😀" * 30, "", " ", -1, 0, 1e308, -1e308,
           9999999999999999999999, 3.5, None, [], {}, True, False, "\ud800", "\u202e", "<script>", "NaN",
           # Dates that Java reads and PostgreSQL cannot hold: a year of six or seven digits.
           "+300000-01-01", "+300000-01-01T00:00:00Z", "+6000000-01-01", "-300000-01-01T00:00:00+01:00"]
def req(method, path, compte=None, corps=None, raw=None, ctype="application/json", jeton=None):
    data = raw if raw is not None else (None if corps is None else json.dumps(corps).encode())
    r = urllib.request.Request(H + path, data=data, method=method)
    if compte:
        r.add_header("Authorization", "Basic " + base64.b64encode((compte + ":demo").encode()).decode())
    if jeton:
        r.add_header("Authorization", "Bearer " + jeton)
    if data is not None:
        r.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(r, timeout=30) as rep:
            return rep.status, rep.headers.get("Content-Type", ""), rep.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()
def envoyer(r):
    """A request built by hand (headers urllib would not let req() set): status, Content-Type, body; 0 when it failed."""
    try:
        with urllib.request.urlopen(r) as rep: return (rep.status, rep.headers.get("Content-Type", ""), rep.read())
    except urllib.error.HTTPError as e: return (e.code, e.headers.get("Content-Type", ""), e.read())
    except Exception as e: return (0, "", str(e).encode())
problems = []
count = 0
def check(label, res):
    global count
    count += 1
    st, ct, body = res
    if st >= 500 or (st >= 400 and "problem+json" not in ct):
        problems.append((label, st, ct, body[:200]))

dossier = json.load(open(os.path.join(RACINE, "src/test/resources/exemples/construction-neuve-dijon.json")))
dossier["maitreOuvrage"]["siren"] = "732829320"
st, ct, b = req("POST", "/api/v1/dossiers", "bailleur", dossier)
did = json.loads(b)["id"]
st, ct, b = req("POST", f"/api/v1/dossiers/{did}/evaluations", "bailleur")
eid = json.loads(b)["id"]
jeton = json.loads(req("POST", "/api/v1/jetons", "bailleur", {"libelle": "fuzz"})[2])["jeton"]

bodies = {
    ("POST", "/api/v1/admin/organisations", "admin"): {"type": "SERVICE_INSTRUCTEUR", "nom": "X", "territoires": ["region-84"]},
    ("POST", "/api/v1/admin/comptes", "admin"): {"identifiant": "fuzzer", "motDePasse": "123456789012345", "organisation": 1},
    ("PUT", "/api/v1/admin/comptes/fuzzer/actif", "admin"): {"actif": False},
    ("PUT", "/api/v1/admin/comptes/fuzzer/mot-de-passe", "admin"): {"motDePasse": "123456789012345"},
    ("PUT", "/api/v1/moi/mot-de-passe", "bailleur2"): {"motDePasseActuel": "faux", "nouveauMotDePasse": "123456789012345"},
    ("POST", "/api/v1/jetons", "bailleur2"): {"libelle": "x", "valableJusquAu": "2099-06-30"},
    ("POST", f"/api/v1/dossiers/{did}/instruction", "instructeur"): {"action": "PRENDRE_EN_INSTRUCTION", "message": "m"},
    ("POST", f"/api/v1/dossiers/{did}/retrait", "bailleur"): {"message": "m"},
    ("POST", f"/api/v1/dossiers/{did}/copie", "bailleur"): {"phase": "PROGRAMMATION"},
}
for (m, p, c), tpl in bodies.items():
    for k in list(tpl.keys()):
        for h in HOSTILE:
            b2 = copy.deepcopy(tpl); b2[k] = h
            check(f"{m} {p} {k}={str(h)[:20]!r}", req(m, p, c, b2))
    for h in HOSTILE:
        check(f"{m} {p} body={str(h)[:20]!r}", req(m, p, c, h))
    check(f"{m} {p} xml", req(m, p, c, raw=b"<a/>", ctype="application/xml"))
    check(f"{m} {p} deep", req(m, p, c, raw=(b"[" * 5000) + (b"]" * 5000)))
# Compléments asked piece by piece, on a dossier in instruction: whatever « pieces » holds, a French 4xx, never a 500,
# and the dossier stays in instruction until a request names real pieces.
d2 = copy.deepcopy(dossier); d2["reference"] = "FUZZ-PIECES"
d2id = json.loads(req("POST", "/api/v1/dossiers", "bailleur", d2)[2])["id"]
req("POST", f"/api/v1/dossiers/{d2id}/depot", "bailleur")
check("PRENDRE_EN_INSTRUCTION", req("POST", f"/api/v1/dossiers/{d2id}/instruction", "instructeur-socle", {"action": "PRENDRE_EN_INSTRUCTION"}))
for h in HOSTILE + ["plan_de_masse", "A01", "PLAN" * 20, "PLAN_MASSE_" * 7]:
    for pieces in ([h], h, [h] * 101, ["PLAN_MASSE", h]):
        if pieces is None or pieces == []:
            continue  # no piece named: a valid request for compléments
        check(f"DEMANDER_COMPLEMENTS pieces={str(pieces)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/instruction",
              "instructeur-socle", {"action": "DEMANDER_COMPLEMENTS", "message": "m", "pieces": pieces}))
    check(f"INSTRUIRE pieces={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/instruction", "instructeur-socle",
          {"action": "INSTRUIRE", "pieces": [h]}))
# The sense of the decision: whatever « decision » holds but FAVORABLE or DEFAVORABLE, a French 4xx, and nothing closed.
for h in HOSTILE + ["accordée", "FAVORABLE" * 30, "NON_RENSEIGNEE", ["FAVORABLE"], {"sens": "FAVORABLE"}]:
    if h is None:
        continue  # no decision said: a valid close, which would end this dossier's instruction
    check(f"INSTRUIRE decision={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/instruction", "instructeur-socle",
          {"action": "INSTRUIRE", "decision": h}))
    check(f"DEMANDER_COMPLEMENTS decision={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/instruction",
          "instructeur-socle", {"action": "DEMANDER_COMPLEMENTS", "message": "m", "decision": h}))
    check(f"ROUVRIR_INSTRUCTION message={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/instruction",
          "instructeur-socle", {"action": "ROUVRIR_INSTRUCTION", "message": h}))
# Given to a colleague: whatever « instructeur » holds, a French 4xx or the dossier given, never a 500.
for h in HOSTILE + ["INSTRUCTEUR-SOCLE ", "instructeur", "dreal28", "x" * 5000]:
    check(f"CONFIER instructeur={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/instruction", "instructeur-socle",
          {"action": "CONFIER", "instructeur": h}))
# The checklist: whatever the code or « etat » holds, a judgment or a French 4xx, never a 500.
for h in HOSTILE + ["conforme", "PLAN_MASSE", "x" * 5000]:
    check(f"CONTROLE etat={str(h)[:20]!r}", req("PUT", f"/api/v1/dossiers/{d2id}/controle/PLAN_MASSE", "instructeur-socle",
          {"etat": h, "commentaire": h}))
    if isinstance(h, str) and h:
        code = urllib.parse.quote(h.encode("utf-8", "surrogatepass"), safe="")  # a lone surrogate too, as bytes
        check(f"CONTROLE code={h[:20]!r}", req("PUT", f"/api/v1/dossiers/{d2id}/controle/" + code,
              "instructeur-socle", {"etat": "CONFORME"}))
# Notes of the service: whatever « texte » or the body holds, a note written or a French 4xx, never a 500.
for h in HOSTILE + ["x" * 10001, "é" * 10000]:
    check(f"NOTE texte={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/notes", "instructeur-socle", {"texte": h}))
    check(f"NOTE corps={str(h)[:20]!r}", req("POST", f"/api/v1/dossiers/{d2id}/notes", "instructeur-socle", h))
statut = json.loads(req("GET", f"/api/v1/dossiers/{d2id}", "instructeur-socle")[2])["statut"]
if statut != "EN_INSTRUCTION":
    problems.append(("pieces hostiles", 0, "", ("statut " + statut + " au lieu de EN_INSTRUCTION").encode()))
# territoires list in PUT
for h in HOSTILE:
    check(f"PUT territoires [{str(h)[:20]!r}]", req("PUT", "/api/v1/admin/organisations/4/territoires", "admin", [h]))
    check(f"PUT territoires {str(h)[:20]!r}", req("PUT", "/api/v1/admin/organisations/4/territoires", "admin", h))
req("PUT", "/api/v1/admin/organisations/4/territoires", "admin", ["region-84"])
# path and query params
STR = ["%00", "%2e%2e", "x" * 5000, "%ZZ", "%F0%9F%98%80", "-1", "0", "99999999999999999999", "%27", "a%20b", "%0d%0aX:1", "null"]
paths = ["/api/v1/dossiers/{}", "/api/v1/dossiers/{}/notes", "/api/v1/dossiers/{}/controle", "/api/v1/dossiers/{}/evaluations", "/api/v1/dossiers/{}/copie", "/api/v1/dossiers/{}/historique", "/api/v1/evaluations/{}/verification",
         "/api/v1/evaluations/{}/rapport",
         "/api/v1/territoires/{}/regles", "/api/v1/territoires/{}/fiche", "/api/v1/admin/comptes/{}/actif", "/api/v1/jetons/{}", "/api/v1/admin/organisations/{}/territoires",
         "/api/v1/communes/{}"]
for p in paths:
    for s in STR:
        for m in ["GET", "PUT", "DELETE", "POST"]:
            check(f"{m} {p} {s[:20]}", req(m, p.format(s), "admin", {"actif": True} if m in ("PUT", "POST") else None))
queries = ["/api/v1/dossiers?statut={}", "/api/v1/dossiers?commune={}", "/api/v1/dossiers?territoire={}", "/api/v1/dossiers?reference={}",
           "/api/v1/dossiers?tri={}", "/api/v1/dossiers?format={}", "/api/v1/dossiers?format=jsonl&commune={}", "/api/v1/dossiers?siren={}", "/api/v1/dossiers?phase={}", "/api/v1/dossiers?instructeur={}", "/api/v1/dossiers?attribue={}", "/api/v1/dossiers?decision={}", "/api/v1/dossiers?rejetImpliciteAvant={}", "/api/v1/dossiers?modifieDepuis={}", "/api/v1/dossiers?niveau={}", "/api/v1/dossiers?deposeDu={}", "/api/v1/dossiers?deposeAu={}", "/api/v1/dossiers?apres={}", "/api/v1/dossiers?limite={}", "/api/v1/dossiers/supprimes?depuis={}", "/api/v1/dossiers?recherche={}", "/api/v1/dossiers?statutDepuisAvant={}", "/api/v1/dossiers/" + did + "/controle?format={}", "/api/v1/dossiers?recherche={}&format=csv", "/api/v1/dossiers/supprimes?apres={}",
           "/api/v1/dossiers/supprimes?limite={}", "/api/v1/dossiers/" + did + "/evaluations?apres={}",
           "/api/v1/dossiers/" + did + "/evaluations?limite={}", "/api/v1/journal?objet={}", "/api/v1/journal?action={}", "/api/v1/journal?avant={}", "/api/v1/journal?qui={}",
           "/api/v1/journal?du={}", "/api/v1/journal?au={}", "/api/v1/journal?du=2026-01-01&au={}",
           "/api/v1/journal?limite={}", "/api/v1/territoires/region-84/regles?date={}", "/api/v1/territoires/region-84/fiche?date={}", "/api/v1/communes?nom={}",
           "/api/v1/communes?codePostal={}", "/api/v1/communes?nom=saint&codePostal={}", "/api/v1/communes?nom={}%2076000",
           "/api/v1/communes/76540?date={}", "/api/v1/statistiques?du={}", "/api/v1/statistiques?au={}",
           "/api/v1/statistiques?du=2026-01-01&au={}", "/api/v1/statistiques?format={}", "/api/v1/statistiques?format=csv&du={}"]
for q in queries:
    # « %2B » is a « + » once decoded: years Java reads and PostgreSQL cannot hold as an instant.
    for s in STR + ["2026-02-30", "2026-13-01", "+99999-01-01", "%2B300000-01-01", "%2B300000-01-01T00:00:00Z", "%2B6000000-01-01",
                    "", "%20", "&{}=".format("x")]:
        for c in ["admin", "dreal", "bailleur"]:
            check(f"GET {q} {s[:20]} {c}", req("GET", q.format(s), c))
for h in ["Bearer \u0000", "Bearer hrm_" + "x" * 5000, "Basic " + base64.b64encode(b"\x00:\x00").decode(), "Basic ###", "Bearer "]:
    r = urllib.request.Request(H + "/api/v1/moi")
    r.add_header("Authorization", h.encode("latin-1", "replace").decode("latin-1"))
    check(f"auth {h[:20]!r}", envoyer(r))
check("moi jeton", req("GET", "/api/v1/moi", jeton=jeton))

# Every leaf of a dossier, in the open evaluation and in a stored dossier.
def leaves(o, path=()):
    if isinstance(o, dict):
        for k, v in o.items(): yield from leaves(v, path + (k,))
    elif isinstance(o, list):
        for i, v in enumerate(o[:2]): yield from leaves(v, path + (i,))
    else:
        yield path
def setp(o, path, v):
    for p in path[:-1]: o = o[p]
    o[path[-1]] = v
random.seed(3)
paths = list(leaves(dossier))
for path in paths:
    for h in random.sample(HOSTILE, 6) + ["\u0000"]:
        d = copy.deepcopy(dossier); setp(d, path, h)
        cree = req("POST", "/api/v1/dossiers", "bailleur", d)
        check(f"POST dossier {path} {str(h)[:15]!r}", cree)
        if cree[0] == 201:
            # A text the contract lets through is printed: the report of its evaluation is a PDF, whatever the text.
            evaluee = req("POST", f"/api/v1/dossiers/{json.loads(cree[2])['id']}/evaluations", "bailleur")
            check(f"POST evaluations {path} {str(h)[:15]!r}", evaluee)
            if evaluee[0] == 201:
                rapport = req("GET", f"/api/v1/evaluations/{json.loads(evaluee[2])['id']}/rapport", "bailleur")
                if rapport[0] != 200 or rapport[1] != "application/pdf" or not rapport[2].startswith(b"%PDF-"):
                    problems.append((f"GET rapport {path} {str(h)[:15]!r}", rapport[0], rapport[1], rapport[2][:200]))
        ouverte = req("POST", "/api/v1/evaluations", None, d)
        check(f"POST eval {path} {str(h)[:15]!r}", ouverte)
        if ouverte[0] == 200:
            # The same text printed without an account: a PDF too.
            imprimee = req("POST", "/api/v1/evaluations?format=pdf", None, d)
            if imprimee[0] != 200 or imprimee[1] != "application/pdf" or not imprimee[2].startswith(b"%PDF-"):
                problems.append((f"POST eval pdf {path} {str(h)[:15]!r}", imprimee[0], imprimee[1], imprimee[2][:200]))
st, ct, b = req("POST", "/api/v1/dossiers", "bailleur", dossier)
brouillon = json.loads(b)["id"]
IF_MATCH = ['"1"', '*', 'W/"1"', '"', '"1", "2"', '\u0000', 'x' * 5000, '"99999999999999999999"', '""']
# DELETE: the stale and malformed values first, since a matching one deletes the draft.
for (methode, cible, valeurs) in [("PUT", did, IF_MATCH), ("DELETE", brouillon, IF_MATCH[::-1])]:
  for im in valeurs:
    r = urllib.request.Request(H + f"/api/v1/dossiers/{cible}", data=json.dumps(dossier).encode() if methode == "PUT" else None, method=methode)
    r.add_header("Authorization", "Basic " + base64.b64encode(b"bailleur:demo").decode())
    if methode == "PUT":
        r.add_header("Content-Type", "application/json")
    r.add_header("If-Match", im)
    check(f"{methode} If-Match {im[:10]!r}", envoyer(r))
# Accept headers a client may get wrong: each answer is the resource, or a French problem, never a bare status.
ACCEPT = [";;;", "text/html;q=abc", "application/json, ;;;", "*/*;q=2", "application/xml", "text/csv", "application/x-ndjson", "/", "a/b/c", "\u00e9/\u00e9",
          "application/json;charset=", "x" * 5000, "", "application/pdf", "application/pdf;q=0", "application/*"]
for chemin, compte in [("/api/v1/territoires", None), ("/api/v1/dossiers", "bailleur"), (f"/api/v1/dossiers/{did}", "bailleur"),
                       ("/api/v1/moi", "bailleur"), ("/api/v1/rien", None), ("/api/v1/evaluations", None)]:
    for a in ACCEPT:
        corps = json.dumps(dossier).encode() if chemin == "/api/v1/evaluations" else None
        r = urllib.request.Request(H + chemin, data=corps, method="POST" if corps else "GET")
        if compte:
            r.add_header("Authorization", "Basic " + base64.b64encode((compte + ":demo").encode()).decode())
        if corps:
            r.add_header("Content-Type", "application/json")
        r.add_header("Accept", a.encode("latin-1", "replace").decode("latin-1"))
        check(f"Accept {a[:15]!r} {chemin}", envoyer(r))
# The open evaluation's ?format=, with what a client may write in it.
for s in STR + ["pdf", "PDF", "%20pdf%20", "pdf,json", "json&format=pdf"]:
    check(f"POST eval format={s[:20]!r}", req("POST", "/api/v1/evaluations?format=" + s, None, dossier))
print("requêtes :", count, "problèmes :", len(problems))
for p in problems[:60]:
    print(p)
sys.exit(1 if problems else 0)
