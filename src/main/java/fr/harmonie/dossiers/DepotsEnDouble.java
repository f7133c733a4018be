package fr.harmonie.dossiers;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.web.ProblemeHttpException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One operation, one dossier in instruction. A bailleur's system that retries a creation after a timeout (the year-end
 * rush is when requests time out), or two drafts of the same operation, would otherwise both be deposited: the
 * instructeur would instruct the operation twice, and could approve its financing twice. A second deposit is refused
 * while another dossier of the organisation with the same reference and phase, or with the very same content, is
 * deposited, in instruction or awaiting compléments. Once that one is instruit, the operation may be filed again.
 * References compare as the list's {@code ?reference=} filter does, regardless of case and surrounding spaces: a
 * reference typed again in another draft (« oph-2026-12 » for « OPH-2026-12 ») names the same operation.
 */
@Component
class DepotsEnDouble {

    private static final URI TYPE = URI.create("urn:harmonie:probleme:deja-depose");

    private final JdbcClient jdbc;

    DepotsEnDouble(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Autre(UUID id, String statut, String reference) { }

    /**
     * Within the deposit's transaction: the organisation's row is locked first, so that two duplicates deposited at the
     * same instant are judged one after the other, the second seeing the first.
     */
    void refuserSiDejaDepose(DossierStocke d, Dossier dossier) {
        String reference = reference(dossier);
        autreEnCours(d, dossier).ifPresent(a -> {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Déjà déposé", quoi(a, reference, dossier)
                    + " est déjà déposé par votre organisation (" + a.id() + ", statut " + a.statut() + ") : un second dépôt"
                    + " ferait instruire deux fois la même opération. Supprimer ce brouillon, ou changer sa référence s'il"
                    + " s'agit d'une autre opération.", null, TYPE).avec("dossierDepose", a.id().toString());
        });
    }

    /**
     * Within the reopening's transaction, locked as a deposit: an instruction closed, the bailleur may have filed the
     * operation again (a refusal, then a new request); reopening the first would put the operation twice in instruction.
     */
    void refuserSiRouvertEnDouble(DossierStocke d, Dossier dossier) {
        String reference = reference(dossier);
        autreEnCours(d, dossier).ifPresent(a -> {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Opération déjà redéposée", quoi(a, reference, dossier)
                    + " a été déposé par le bailleur depuis la clôture (" + a.id() + ", statut " + a.statut() + ") : rouvrir"
                    + " celui-ci ferait instruire deux fois la même opération ; l'instruction se poursuit sur l'autre.",
                    null, TYPE).avec("dossierDepose", a.id().toString());
        });
    }

    /** Another dossier of the organisation for the same operation, deposited and not yet decided, if there is one. */
    private Optional<Autre> autreEnCours(DossierStocke d, Dossier dossier) {
        jdbc.sql("SELECT id FROM organisation WHERE id = ? FOR NO KEY UPDATE").param(d.organisation()).query(Long.class).optional();
        String reference = reference(dossier);
        return jdbc.sql("""
                SELECT id, statut, contenu->>'reference' AS reference FROM dossier
                WHERE organisation_id = :organisation AND id <> :id AND supprime_le IS NULL
                  AND statut IN ('DEPOSE', 'EN_INSTRUCTION', 'COMPLEMENTS_DEMANDES')
                  AND ((CAST(:reference AS text) IS NOT NULL AND lower(btrim(contenu->>'reference')) = lower(btrim(:reference))
                            AND contenu->>'phase' = :phase)
                       OR contenu = CAST(:contenu AS jsonb))
                ORDER BY cree_le LIMIT 1""")
                .param("organisation", d.organisation()).param("id", d.id()).param("reference", reference)
                .param("phase", dossier.phase() == null ? "" : dossier.phase().name()).param("contenu", d.contenu())
                .query((rs, i) -> new Autre(rs.getObject("id", UUID.class), rs.getString("statut"), rs.getString("reference")))
                .optional();
    }

    private static String reference(Dossier dossier) {
        return dossier.reference() == null || dossier.reference().isBlank() ? null : dossier.reference();
    }

    private static String quoi(Autre a, String reference, Dossier dossier) {
        return a.reference() != null && reference != null && memeReference(a.reference(), reference)
                ? "Le dossier « " + a.reference().strip() + " » (phase " + dossier.phase() + ")"
                : "Un dossier identique";
    }

    private static boolean memeReference(String une, String autre) {
        return une.strip().equalsIgnoreCase(autre.strip());
    }
}
