package fr.harmonie.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.harmonie.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a bailleur reads when the dossier typed from a spreadsheet breaks the contract: the value found, what is
 * expected, and the fix when it can be guessed, in words (not « string trouvé, number attendu » or a regular
 * expression). A line ending « (fin) » is the whole message: no fix is offered there.
 */
class EcartsEnFrancaisTest {

    private static final LecteurDossier LECTEUR = new LecteurDossier();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # champ                                           | valeur écrite (JSON, ou absente)  | ce que le bailleur lit
            /operation/lots/0/logements/0/surfaceHabitable     | "62,5"                  | « 62,5 » est un texte, un nombre attendu : écrire 62.5, sans guillemets et avec un point décimal
            /operation/lots/0/logements/0/surfaceHabitable     | "62"                    | « 62 » est un texte, un nombre attendu : écrire 62 sans guillemets
            /operation/lots/0/logements/0/surfaceHabitable     | -3                      | -3 : une valeur supérieure à 0 est attendue
            /dateReference                                     | "05/12/2026"            | « 05/12/2026 » : une date s'écrit AAAA-MM-JJ, l'année d'abord ; ici 2026-12-05
            /dateReference                                     | "2026-11-31"            | « 2026-11-31 » : novembre 2026 a 30 jours, le 31 novembre n'existe pas
            /dateReference                                     | "2026-13-01"            | « 2026-13-01 » : il n'y a pas de mois 13
            /dateReference                                     | "demain"                | « demain » n'est pas une date : AAAA-MM-JJ attendu
            /dateReference                                     | "2026-12-06T10:00:00"   | « 2026-12-06T10:00:00 » : la date seule est attendue, sans heure ; ici 2026-12-06 (fin)
            /dateReference                                     | "2026-12-06 10h"        | la date seule est attendue, sans heure ; ici 2026-12-06
            /dateReference                                     | "2026/12/06"            | « 2026/12/06 » : une date s'écrit AAAA-MM-JJ, avec des tirets et deux chiffres au mois et au jour ; ici 2026-12-06 (fin)
            /dateReference                                     | "2026-1-5"              | ici 2026-01-05
            /dateReference                                     | "6 décembre 2026"       | « 6 décembre 2026 » : une date s'écrit en chiffres, AAAA-MM-JJ ; ici 2026-12-06 (fin)
            /dateReference                                     | "1er Août 2026"         | ici 2026-08-01
            /dateReference                                     | "31 février 2026"       | « 31 février 2026 » n'est pas une date : AAAA-MM-JJ attendu, par exemple 2026-04-02 (fin)
            /dateReference                                     | "2026/13/01"            | « 2026/13/01 » n'est pas une date
            /operation/lots/0/produit                          | "plai adapté"           | « plai adapté » n'est pas une valeur admise ; valeurs admises : PLAI, PLAI_ADAPTE, PLUS, PLS (écrire « PLAI_ADAPTE », tel quel)
            /operation/zoneABC                                 | "B3"                    | « B3 » n'est pas une valeur admise ; valeurs admises : ABIS, A, B1, B2, C
            /maitreOuvrage/siren                               | "552 100 554"           | « 552 100 554 » n'est pas un numéro SIREN : neuf chiffres, sans espace : écrire « 552100554 »
            /operation/commune/codeInsee                       | "2a004"                 | « 2a004 » n'est pas un code INSEE de commune : cinq caractères, deux chiffres (2A ou 2B pour la Corse) puis trois chiffres, qui ne sont pas ceux du code postal : écrire « 2A004 »
            /operation/commune/codeInsee                       | " 21231 "               | écrire « 21231 »
            /operation/commune/codeInsee                       | "1053 "                  | quatre chiffres : un tableur a pu retirer le zéro du début, écrire « 01053 »
            /pieces/0/code                                     | "permis_construire"     | : écrire « PERMIS_CONSTRUIRE »
            /maitreOuvrage/siren                               | "55210055400013"        | « 55210055400013 » n'est pas un numéro SIREN : neuf chiffres, sans espace ; quatorze chiffres, c'est un SIRET : le SIREN en est les neuf premiers, « 552100554 »
            /maitreOuvrage/siren                               | "552 100 554 00013"     | c'est un SIRET : le SIREN en est les neuf premiers, « 552100554 »
            /maitreOuvrage/siren                               | "5521005"               | « 5521005 » n'est pas un numéro SIREN : neuf chiffres, sans espace (fin)
            /operation/commune/codeInsee                       | "2123"                  | « 2123 » n'est pas un code INSEE de commune : cinq caractères
            /operation/commune/codeInsee                       | "1053"                  | « 1053 » n'est pas un code INSEE de commune : cinq caractères, deux chiffres (2A ou 2B pour la Corse) puis trois chiffres, qui ne sont pas ceux du code postal ; quatre chiffres : un tableur a pu retirer le zéro du début, écrire « 01053 »
            /operation/commune/codeInsee                       | 1053                    | 1053 est un nombre, un texte entre guillemets attendu : écrire "01053", entre guillemets, avec le zéro du début
            /operation/commune/codeInsee                       | 21231                   | 21231 est un nombre, un texte entre guillemets attendu : écrire "21231", entre guillemets
            /operation/commune/codeInsee                       | 123456                  | 123456 est un nombre, un texte entre guillemets attendu (fin)
            /maitreOuvrage/siren                               | 552100554               | 552100554 est un nombre, un texte entre guillemets attendu : écrire "552100554", entre guillemets
            /operation/zone123                                 | 2                       | 2 n'est pas une valeur admise ; valeurs admises : 1BIS, 1, 2, 3 (écrire "2", entre guillemets)
            /operation/zone123                                 | 4                       | 4 n'est pas une valeur admise ; valeurs admises : 1BIS, 1, 2, 3 (fin)
            /operation/ascenseur                               | "oui"                   | « oui » est un texte, true ou false attendu : écrire true (oui) ou false (non), sans guillemets
            /operation/ascenseur                               | 1                       | 1 est un nombre, true ou false attendu : écrire true (oui), sans guillemets
            /operation/ascenseur                               | 2                       | 2 est un nombre, true ou false attendu (fin)
            /operation/ascenseur                               | 9999999999999999999999  | 9999999999999999999999 est un nombre, true ou false attendu (fin)
            /operation/ascenseur                               | 1e308                   | 1E+308 est un nombre, true ou false attendu (fin)
            /dateReference                                     | 9999999999999999999999  | 9999999999999999999999 est un nombre, un texte entre guillemets attendu (fin)
            /operation/lots/0/margeLocale                      | 1e400                   | 1E+400 : au plus 1 attendu (fin)
            /dateReference                                     | 46023                   | 46023 est un nombre, un texte entre guillemets attendu ; un tableur compte les dates en jours depuis le 30 décembre 1899 : si c'est une date, 46023 est le 2026-01-01, écrire "2026-01-01", entre guillemets
            /dateReference                                     | 2026                    | 2026 est un nombre, un texte entre guillemets attendu (fin)
            /operation/lots/0/margeLocale                      | 5                       | 5 : au plus 1 attendu ; une fraction est attendue : 5 % s'écrit 0.05
            /operation/lots/0/margeLocale                      | "5 %"                   | « 5 % » est un texte, un nombre attendu : une fraction est attendue, écrire 0.05 sans guillemets
            /operation/lots/0/margeLocale                      | "12,5%"                 | « 12,5% » est un texte, un nombre attendu : une fraction est attendue, écrire 0.125 sans guillemets
            /operation/lots/0/loyerMensuelM2                   | "5 %"                   | « 5 % » est un texte, un nombre attendu (fin)
            /operation/lots/0/logements/0/surfaceHabitable     | 1500                    | 1500 : au plus 1000 attendu (fin)
            /operation/ascenseur                               | null                    | null n'est pas admis ici, true ou false attendu ; une information facultative que l'on n'a pas s'omet
            /operation/lots                                    | []                      | la liste est vide : au moins 1 élément attendu
            /formatVersion                                     | 1                       | 1 : écrire "1", entre guillemets
            /operation/nature                                  |                         | propriété « nature » absente : elle est obligatoire ici ; une des valeurs CONSTRUCTION_NEUVE, VEFA, ACQUISITION_AMELIORATION
            /formatVersion                                     |                         | propriété « formatVersion » absente : elle est obligatoire ici ; écrire "1"
            /maitreOuvrage/siren                               |                         | propriété « siren » absente : elle est obligatoire ici ; un numéro SIREN : neuf chiffres, sans espace
            /operation/lots/0/logements/0/surfaceHabitable     |                         | propriété « surfaceHabitable » absente : elle est obligatoire ici ; un nombre
            /operation/lots/0/logements/0/surfaceHabitabe      | 62                      | propriété « surfaceHabitabe » inconnue du contrat ; vouliez-vous écrire « surfaceHabitable » ?
            /operation/Commune                                 | {}                      | propriété « Commune » inconnue du contrat ; vouliez-vous écrire « commune » ?
            /couleur                                           | "bleu"                  | propriété « couleur » inconnue du contrat ; propriétés admises ici : formatVersion, reference, phase
            """)
    void unEcartDitLaValeurTrouveeEtCeQuiEstAttendu(String champ, String valeur, String lu) throws Exception {
        ObjectNode dossier = (ObjectNode) Json.MAPPER.readTree(
                Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json")));
        int dernier = champ.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) dossier.at(champ.substring(0, dernier));
        String nom = champ.substring(dernier + 1);
        if (valeur == null) {
            parent.remove(nom);
        } else {
            parent.set(nom, Json.MAPPER.readTree(valeur));
        }

        DossierInvalideException refus = catchThrowableOfType(DossierInvalideException.class,
                () -> LECTEUR.lire(Json.MAPPER.writeValueAsBytes(dossier)));

        assertThat(refus.violations()).extracting(Violation::pointeur).containsExactly(champ);
        // « (fin) »: the message ends there, no rewriting offered (one the contract would refuse in turn).
        if (lu.endsWith(" (fin)")) {
            assertThat(refus.violations().get(0).message()).isEqualTo(lu.substring(0, lu.length() - " (fin)".length()));
        } else {
            assertThat(refus.violations().get(0).message()).contains(lu);
        }
    }

    /**
     * Whatever a spreadsheet or a hostile client puts in any field of the dossier, the bailleur reads a refusal in
     * French, never an internal error: the corrections above read numbers, codes and dates, and a number Jackson cannot
     * hold in a long (1e308, 10^22) once made one of them throw.
     */
    @Test
    void toutChampRecoitToutesSortesDeValeursSansAutreErreurQuUnRefus() throws Exception {
        JsonNode base = Json.MAPPER.readTree(Files.readString(Path.of("src/test/resources/exemples/construction-neuve-dijon.json")));
        List<String> valeurs = List.of("1e308", "-1e308", "9999999999999999999999", "1e-400", "0.5", "0", "1", "-1", "46023",
                "100", "\"\"", "\"  \"", "\"2a004\"", "\"1053\"", "\"5 %\"", "\"1,5\"", "\"05/12/2026\"", "\"1er Août 2026\"",
                "\"2026-12-06T10:00:00\"", "\"99 xx 99999\"",
                "\"" + "x".repeat(300) + "\"", "true", "null", "{}", "[]");
        List<String> champs = new ArrayList<>();
        feuilles(base, "", champs);
        int refus = 0;
        for (String champ : champs) {
            for (String valeur : valeurs) {
                ObjectNode dossier = (ObjectNode) base.deepCopy();
                JsonNode parent = dossier.at(champ.substring(0, champ.lastIndexOf('/')));
                String nom = champ.substring(champ.lastIndexOf('/') + 1);
                if (parent instanceof ObjectNode objet) {
                    objet.set(nom, Json.MAPPER.readTree(valeur));
                } else {
                    ((ArrayNode) parent).set(Integer.parseInt(nom), Json.MAPPER.readTree(valeur));
                }
                try {
                    LECTEUR.lire(Json.MAPPER.writeValueAsBytes(dossier));
                } catch (DossierInvalideException e) {
                    refus++;
                    assertThat(e.violations()).as(champ + " = " + valeur).isNotEmpty()
                            .allSatisfy(v -> assertThat(v.message()).isNotBlank());
                }
            }
        }
        assertThat(champs).hasSizeGreaterThan(40);
        assertThat(refus).as("la plupart des valeurs sont hors contrat").isGreaterThan(champs.size() * valeurs.size() / 2);
    }

    private static void feuilles(JsonNode noeud, String pointeur, List<String> champs) {
        if (noeud.isObject()) {
            noeud.properties().forEach(p -> feuilles(p.getValue(), pointeur + "/" + p.getKey(), champs));
        } else if (noeud.isArray()) {
            for (int i = 0; i < noeud.size(); i++) {
                feuilles(noeud.get(i), pointeur + "/" + i, champs);
            }
        } else {
            champs.add(pointeur);
        }
    }
}
