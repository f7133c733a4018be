package fr.harmonie.dossiers;

import fr.harmonie.json.Citations;
import fr.harmonie.json.DatesMalEcrites;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.IdentifiantsDePacks;
import fr.harmonie.web.ProblemeHttpException;
import fr.harmonie.json.Horodatage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The filters of the dossier list, read before the query: a filter no dossier can match (a status that does not
 * exist, a commune's name for its INSEE code, a pack no deposit was made with) is refused with what to write, since an
 * empty page would read as « no dossier » to the instructeur triaging a queue. Statuses and levels are read in any case,
 * as the journal's actions are.
 */
final class FiltresDeLaListe {

    private static final Set<String> STATUTS = Set.of("BROUILLON", "DEPOSE", "EN_INSTRUCTION", "COMPLEMENTS_DEMANDES", "INSTRUIT",
            "RETIRE");
    private static final Set<String> NIVEAUX = Set.of("PREMATUREE", "A_CONSOLIDER", "MURE");
    private static final Set<String> PHASES = Set.of("PROGRAMMATION", "AGREMENT");

    private FiltresDeLaListe() {
    }

    /** The query's parameters as given; {@link #lire} checks them. */
    record Demande(List<String> statuts, String reference, String commune, String territoire, List<String> niveaux, String tri,
                   String deposeDu, String deposeAu, String siren, String phase, String instructeur, String attribue,
                   String decision, String rejetImpliciteAvant, String modifieDepuis, String recherche, String statutDepuisAvant) {
    }

    /**
     * {@code packs}: the packs deposits were made with, asked only when a territoire is filtered; {@code instructeurs}:
     * whether an identifiant may have taken in instruction a dossier the caller sees, asked only when an instructeur is
     * filtered. A parameter left empty never comes here (ParametresVides): it filters nothing.
     */
    static DossiersStore.Filtre lire(Demande d, Geographie geographie, Supplier<List<String>> packs,
                                     Predicate<String> instructeurs) {
        Set<String> statuts = enMajuscules(d.statuts());
        if (!STATUTS.containsAll(statuts)) {
            throw refus("« statut » vaut BROUILLON, DEPOSE, EN_INSTRUCTION, COMPLEMENTS_DEMANDES, INSTRUIT ou RETIRE.");
        }
        Set<String> niveaux = enMajuscules(d.niveaux());
        if (!NIVEAUX.containsAll(niveaux)) {
            throw refus("« niveau » vaut PREMATUREE, A_CONSOLIDER ou MURE : la maturité que donne la dernière évaluation du dossier.");
        }
        TriDeLaListe tri = d.tri() == null ? TriDeLaListe.CREATION : TriDeLaListe.lire(d.tri()).orElseThrow(() -> refus(
                "« tri » vaut creation (du plus ancien dossier créé au plus récent, par défaut), depot (du plus ancien dernier"
                        + " dépôt au plus récent) ou premierDepot (du plus ancien premier dépôt au plus récent : l'ordre où expirent"
                        + " les quatre mois des demandes d'agrément) ; les dossiers jamais déposés n'ont pas de dépôt ; ou statutDepuis"
                        + " (depuis quand chacun est à son statut, le plus ancien d'abord)."));
        if (d.commune() != null && !Geographie.estUnCodeInsee(d.commune())) {
            // No dossier can hold it (the contract's pattern): an empty list would hide the slip, « Rouen » for 76540.
            throw refus("« commune » prend un code INSEE : cinq caractères, deux chiffres (ou 2A, 2B pour la Corse) puis trois"
                    + " chiffres" + codesDuNom(d.commune(), geographie) + ".");
        }
        if (d.territoire() != null) {
            List<String> connus = packs.get();
            if (!connus.contains(d.territoire())) {
                throw refus("« territoire » prend l'identifiant du pack d'un dépôt ; aucun pack ne porte « "
                        + Citations.abregee(d.territoire(), 60) + " »" + IdentifiantsDePacks.suggestion(d.territoire(), connus) + ".");
            }
        }
        String siren = siren(d.siren());
        String phase = d.phase() == null ? null : d.phase().strip().toUpperCase(Locale.ROOT);
        if (phase != null && !PHASES.contains(phase)) {
            throw refus("« phase » vaut PROGRAMMATION ou AGREMENT (la phase du dossier ; AGREMENT quand il n'en dit pas).");
        }
        String instructeur = d.instructeur() == null ? null : d.instructeur().strip();
        if (instructeur != null && !instructeurs.test(instructeur)) {
            throw refus("« instructeur » prend l'identifiant du compte qui a pris les dossiers en instruction (celui que donne"
                    + " GET /api/v1/moi) ; « " + Citations.abregee(instructeur, 60) + " » n'est ni un compte de votre organisation,"
                    + " ni l'instructeur d'un dossier que vous voyez.");
        }
        Boolean attribue = attribue(d.attribue());
        String decision = d.decision() == null ? null : d.decision().strip().toUpperCase(Locale.ROOT);
        if (decision != null && !CycleDossier.DECISIONS.contains(decision)) {
            throw refus("« decision » vaut FAVORABLE ou DEFAVORABLE : le sens de la décision que le service a dit en clôturant"
                    + " l'instruction.");
        }
        LocalDate du = jour("deposeDu", d.deposeDu());
        LocalDate au = jour("deposeAu", d.deposeAu());
        if (du != null && au != null && du.isAfter(au)) {
            throw refus("« deposeDu » (" + du + ") est après « deposeAu » (" + au + ") : aucun dossier n'a pu être déposé entre les"
                    + " deux ; les deux jours sont compris dans la période.");
        }
        return new DossiersStore.Filtre(statuts, d.reference(), d.commune(), d.territoire(), niveaux, tri, du, au,
                siren, phase, instructeur, attribue, decision, jour("rejetImpliciteAvant", d.rejetImpliciteAvant()),
                instant("modifieDepuis", d.modifieDepuis()), RechercheDeTexte.mots(d.recherche()),
                jour("statutDepuisAvant", d.statutDepuisAvant()));
    }

    /**
     * {@code attribue=false}: the dossiers no instructeur has (deposited, never taken nor given), those to dispatch;
     * {@code true}, those someone has. As a person or a form writes it: true, false, oui, non, in any case.
     */
    private static Boolean attribue(String texte) {
        if (texte == null) {
            return null;
        }
        switch (texte.strip().toLowerCase(Locale.ROOT)) {
            case "true", "oui" -> {
                return true;
            }
            case "false", "non" -> {
                return false;
            }
            default -> throw refus("« attribue » vaut true (les dossiers qu'un instructeur a pris en instruction ou qu'on lui a"
                    + " confiés) ou false (ceux de personne, à répartir), pas « " + Citations.abregee(texte.strip(), 40) + " ».");
        }
    }

    /**
     * The maître d'ouvrage's SIREN as people copy it from a Kbis or a letterhead, « 552 100 554 »: nine digits once the
     * spaces are gone. Anything else no dossier holds (the contract's pattern), and is refused rather than listed empty.
     */
    private static String siren(String texte) {
        if (texte == null) {
            return null;
        }
        String chiffres = texte.replaceAll("[\\s\u00a0\u202f]", "");
        if (!chiffres.matches("[0-9]{9}")) {
            throw refus("« siren » prend les neuf chiffres du SIREN du maître d'ouvrage (552100554, ou 552 100 554) : « "
                    + Citations.abregee(texte.strip(), 40) + " » n'en est pas un" + (chiffres.matches("[0-9]{14}")
                    ? " ; c'est un SIRET, dont le SIREN est les neuf premiers chiffres, " + chiffres.substring(0, 9) : "") + ".");
        }
        return chiffres;
    }

    static LocalDate jour(String parametre, String texte) {
        LocalDate jour = jourEcrit(parametre, texte);
        return jour == null ? null : dansLesAnnees(parametre, jour.getYear(), jour);
    }

    /** A day written AAAA-MM-JJ, whatever its year (the statistics bound it closer, with their own words). */
    static LocalDate jourEcrit(String parametre, String texte) {
        try {
            return texte == null ? null : LocalDate.parse(texte.strip());
        } catch (DateTimeParseException e) {
            throw refus("« " + parametre + " » : " + DatesMalEcrites.pourquoi(texte) + ".");
        }
    }

    /**
     * A year of four digits: Java reads « +300000-01-01 », which PostgreSQL cannot hold as an instant, and the query
     * failed (500) where the writer only slipped.
     */
    private static <T> T dansLesAnnees(String parametre, int annee, T valeur) {
        if (annee < 1 || annee > 9999) {
            throw refus("« " + parametre + " » : l'année " + annee + " ne s'écrit pas en quatre chiffres (de 0001 à 9999).");
        }
        return valeur;
    }

    /**
     * An instant as the list writes them (modifieLe, « 2026-12-07T21:31:05.641196Z », or with an offset: a « + » that a
     * query string turned into a space is read as written), or a day AAAA-MM-JJ, from its midnight in Paris.
     */
    static OffsetDateTime instant(String parametre, String texte) {
        if (texte == null) {
            return null;
        }
        String t = texte.strip();
        try {
            OffsetDateTime instant = OffsetDateTime.parse(t.replace(' ', '+'));
            return dansLesAnnees(parametre, instant.getYear(), instant);
        } catch (DateTimeParseException e) {
            try {
                LocalDate jour = LocalDate.parse(t);
                return dansLesAnnees(parametre, jour.getYear(), JoursAParis.debut(jour));
            } catch (DateTimeParseException pasUnJour) {
                throw refus("« " + parametre + " » prend un instant comme la liste les écrit (modifieLe : 2026-12-07T21:31:05.641Z,"
                        + " ou 2026-12-07T22:31:05+01:00) ou un jour AAAA-MM-JJ (depuis minuit, heure de Paris), pas « "
                        + Citations.abregee(t, 40) + " ».");
            }
        }
    }

    /** The parameters of the next page's address: the same filter and order, from the last dossier read. */
    static Map<String, Object> pageSuivante(DossiersStore.Filtre f, Object apres) {
        Map<String, Object> suivante = new LinkedHashMap<>();
        suivante.put("statut", f.statuts());
        suivante.put("reference", f.reference());
        suivante.put("commune", f.commune());
        suivante.put("territoire", f.territoire());
        suivante.put("niveau", f.niveaux());
        suivante.put("tri", f.tri() == TriDeLaListe.CREATION ? null : f.tri().nom());
        suivante.put("deposeDu", f.deposeDu());
        suivante.put("deposeAu", f.deposeAu());
        suivante.put("siren", f.siren());
        suivante.put("phase", f.phase());
        suivante.put("instructeur", f.instructeur());
        suivante.put("attribue", f.attribue());
        suivante.put("decision", f.decision());
        suivante.put("rejetImpliciteAvant", f.rejetImpliciteAvant());
        suivante.put("modifieDepuis", f.modifieDepuis() == null ? null : Horodatage.enTexte(f.modifieDepuis()));
        suivante.put("recherche", f.recherche().isEmpty() ? null : String.join(" ", f.recherche()));
        suivante.put("statutDepuisAvant", f.statutDepuisAvant());
        suivante.put("apres", apres);
        return suivante;
    }

    private static Set<String> enMajuscules(List<String> valeurs) {
        return valeurs == null ? Set.of() : valeurs.stream().map(v -> v.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** « ; Rouen : 76540 », when the text names communes; at most five, a name like Saint-Denis being shared. */
    private static String codesDuNom(String texte, Geographie geographie) {
        List<Geographie.Commune> nommees = geographie.nommees(texte);
        if (nommees.isEmpty()) {
            return "";
        }
        return " ; « " + texte.strip() + " » : " + nommees.stream().limit(5)
                .map(c -> c.code() + " (" + c.nom() + ", " + c.departement() + ")").collect(Collectors.joining(", "))
                + (nommees.size() > 5 ? " et " + (nommees.size() - 5) + " autres" : "");
    }

    private static ProblemeHttpException refus(String detail) {
        return new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Filtre invalide", detail);
    }
}
