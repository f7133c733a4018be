package fr.harmonie.dossiers;

import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * La file d'un service, instructeur par instructeur, à l'instant : combien de dossiers chacun a en cours, à quel statut,
 * combien de demandes d'agrément ont passé le jour où le silence du service vaut rejet, et combien de dépôts ne sont à
 * personne. Un chef de service répartit ainsi les dépôts de décembre ({@code CONFIER}) ; une DREAL voit la charge des
 * services de sa région.
 */
@RestController
@Tag(name = "Statistiques", description = "Ce que les services ont reçu et fait, pour les comparer et lisser la programmation.")
class RepartitionController {

    /** The statuses a dossier is in while its service has it, in the order it goes through them. */
    private static final List<String> EN_COURS = AttributionDesDossiers.CONFIABLES;

    private final JdbcClient jdbc;
    private final Clock horloge;

    RepartitionController(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    @Operation(summary = "La file du service, instructeur par instructeur : dossiers en cours, par statut, et demandes"
            + " d'agrément dont le délai de rejet implicite est passé (instructeur ; DREAL pour sa région)",
            description = "enCours : tous les dossiers en cours que le compte voit (DEPOSE, EN_INSTRUCTION, COMPLEMENTS_DEMANDES),"
                    + " avec rejetImpliciteDepasse, les demandes d'agrément dont le dernier jour des quatre mois (rejetImpliciteLe)"
                    + " est passé ; nonAttribues : ceux de personne (déposés, jamais pris en instruction) ; instructeurs : chacun"
                    + " avec les siens (pris en instruction ou confiés), du plus chargé au moins, et pour un instructeur, chaque"
                    + " compte instructeur de son service, même sans dossier, et ceux désactivés qui en gardent ; territoires :"
                    + " les mêmes décomptes par service (le pack du dépôt), avec ses dossiers de personne, du plus chargé au moins.")
    @ApiResponse(responseCode = "200", description = "La répartition à l'instant.")
    @ApiResponse(responseCode = "403", description = "Compte qui n'est ni instructeur ni DREAL.")
    @GetMapping("/api/v1/dossiers/repartition")
    @Transactional(readOnly = true)
    Map<String, Object> repartition(@AuthenticationPrincipal CompteAuthentifie compte) {
        Utilisateur u = compte.utilisateur();
        if (u.role() != Role.INSTRUCTEUR && u.role() != Role.DREAL) {
            throw new ProblemeHttpException(HttpStatus.FORBIDDEN, "Accès refusé", "La répartition des dossiers en cours se lit par"
                    + " les services instructeurs et les DREAL ; un bailleur suit les siens par GET /api/v1/dossiers.");
        }
        LocalDate aujourdhui = Evaluateur.aujourdhui(horloge);
        Map<String, Object> parametres = new LinkedHashMap<>(DossiersStore.filtre(u));
        parametres.put("aujourdhui", aujourdhui);
        Charge tous = new Charge(null, null);
        Charge personne = new Charge(null, null);
        Map<String, Charge> parInstructeur = new TreeMap<>();
        // Per service (the pack each was deposited with): what a DREAL compares, the load of each of its services. A
        // HashMap, not a TreeMap: a dossier whose deposit named no pack (none should) must not make the queue fail.
        Map<String, Charge> parTerritoire = new HashMap<>();
        Map<String, Charge> personneParTerritoire = new HashMap<>();
        if (u.role() == Role.INSTRUCTEUR) {
            // The service's instructeurs, those with nothing in hand too: the ones the next deposits can go to.
            jdbc.sql("SELECT identifiant FROM compte WHERE organisation_id = ? AND role = 'INSTRUCTEUR' AND actif")
                    .param(u.organisation()).query(rs -> {
                        parInstructeur.put(rs.getString(1), new Charge(rs.getString(1), true));
                    });
        }
        jdbc.sql("SELECT instructeur, (SELECT c.actif FROM compte c WHERE c.identifiant = instructeur), statut, count(*),"
                        + " count(*) FILTER (WHERE " + RejetImplicite.JOUR_SQL + " < :aujourdhui), territoire FROM dossier WHERE "
                        + DossiersStore.VISIBLE + " AND statut IN ('" + String.join("', '", EN_COURS) + "')"
                        + " GROUP BY instructeur, statut, territoire")
                .params(parametres).query(rs -> {
                    String instructeur = rs.getString(1);
                    Boolean actif = (Boolean) rs.getObject(2);
                    String statut = rs.getString(3);
                    long n = rs.getLong(4);
                    long depasses = rs.getLong(5);
                    String territoire = rs.getString(6);
                    Charge qui = instructeur == null ? personne
                            : parInstructeur.computeIfAbsent(instructeur, i -> new Charge(i, actif));
                    qui.ajouter(statut, n, depasses);
                    tous.ajouter(statut, n, depasses);
                    parTerritoire.computeIfAbsent(territoire, t -> new Charge(null, null)).ajouter(statut, n, depasses);
                    if (instructeur == null) {
                        personneParTerritoire.computeIfAbsent(territoire, t -> new Charge(null, null)).ajouter(statut, n, depasses);
                    }
                });
        List<Charge> instructeurs = new ArrayList<>(parInstructeur.values());
        instructeurs.sort(Comparator.comparingLong(Charge::total).reversed().thenComparing(Charge::identifiant));
        Map<String, Object> reponse = new LinkedHashMap<>();
        reponse.put("date", aujourdhui.toString());
        reponse.put("enCours", tous.enJson());
        reponse.put("nonAttribues", personne.enJson());
        reponse.put("instructeurs", instructeurs.stream().map(Charge::enJson).toList());
        List<Map<String, Object>> territoires = new ArrayList<>();
        parTerritoire.forEach((territoire, charge) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("territoire", territoire);
            t.putAll(charge.enJson());
            Charge aucun = personneParTerritoire.get(territoire);
            t.put("nonAttribues", aucun == null ? 0L : aucun.total());
            territoires.add(t);
        });
        territoires.sort(Comparator.comparing((Map<String, Object> t) -> -(Long) t.get("total"))
                .thenComparing(t -> (String) t.get("territoire"), Comparator.nullsLast(Comparator.naturalOrder())));
        reponse.put("territoires", territoires);
        return reponse;
    }

    /** What one instructeur (or no one, or everyone) has in hand. */
    private static final class Charge {
        private final String identifiant;
        private final Boolean actif;
        private final Map<String, Long> parStatut = new LinkedHashMap<>();
        private long depasses;

        Charge(String identifiant, Boolean actif) {
            this.identifiant = identifiant;
            this.actif = actif;
            EN_COURS.forEach(s -> parStatut.put(s, 0L));
        }

        void ajouter(String statut, long n, long depassesDuStatut) {
            parStatut.merge(statut, n, Long::sum);
            depasses += depassesDuStatut;
        }

        String identifiant() {
            return identifiant;
        }

        long total() {
            return parStatut.values().stream().mapToLong(Long::longValue).sum();
        }

        Map<String, Object> enJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (identifiant != null) {
                m.put("instructeur", identifiant);
                m.put("actif", actif);
            }
            m.put("total", total());
            m.putAll(parStatut);
            m.put("rejetImpliciteDepasse", depasses);
            return m;
        }
    }
}
