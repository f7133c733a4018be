package fr.harmonie.dossiers;

import fr.harmonie.comptes.Role;
import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.json.Citations;
import fr.harmonie.web.ProblemeHttpException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Les brouillons que leur bailleur a supprimés, tels que son organisation peut encore les connaître : quand et par qui.
 * Le système d'un bailleur qui suit ses dossiers par {@code modifieDepuis} apprend ainsi ceux qui ont disparu, et celui
 * qui rouvre l'adresse d'un brouillon supprimé lit pourquoi elle répond 404. Personne d'autre n'a vu ces brouillons :
 * un instructeur ou une DREAL n'en apprend rien.
 */
@Repository
class BrouillonsSupprimes {

    /** A deleted draft: its id, its reference (null without one), when and by whom it was deleted. */
    record Suppression(UUID id, String reference, OffsetDateTime supprimeLe, String supprimePar) {

        /** « le 8 décembre 2026 à 2 h 10 (heure de Paris), par marie.dupont ». */
        String enFrancais() {
            return JoursAParis.enFrancais(supprimeLe) + (supprimePar == null ? "" : ", par " + supprimePar);
        }
    }

    private static final String COLONNES = """
            d.id, d.contenu->>'reference', d.supprime_le,
            (SELECT j.qui FROM journal j WHERE j.objet = 'dossier:' || d.id AND j.action = 'SUPPRESSION' ORDER BY j.id LIMIT 1)""";

    private static final RowMapper<Suppression> LIGNE = (rs, n) -> new Suppression(rs.getObject(1, UUID.class),
            rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4));

    /** The bailleur's own drafts only: the others never saw them. */
    private static final String DE_L_ORGANISATION = " d.supprime_le IS NOT NULL AND :role = 'BAILLEUR' AND d.organisation_id = :organisation";

    private final JdbcClient jdbc;

    BrouillonsSupprimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The deleted draft {@code id}, if the user's organisation owned it. */
    Optional<Suppression> du(UUID id, Utilisateur u) {
        if (u.role() != Role.BAILLEUR) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLONNES + " FROM dossier d WHERE d.id = :id AND" + DE_L_ORGANISATION)
                .param("id", id).params(DossiersStore.filtre(u)).query(LIGNE).optional();
    }

    /** Its content, to copy it into a new draft: a draft deleted by mistake is not retyped. */
    Optional<String> contenu(UUID id, Utilisateur u) {
        if (u.role() != Role.BAILLEUR) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT d.contenu::text FROM dossier d WHERE d.id = :id AND" + DE_L_ORGANISATION)
                .param("id", id).params(DossiersStore.filtre(u)).query(String.class).optional();
    }

    /**
     * The 404 of a dossier's address: for the organisation whose draft it was, when and by whom it was deleted, and how
     * to get its content back, rather than « nothing here » to a bailleur whose colleague deleted it; {@code sinon} for
     * anyone else, and for an address that never was a draft of theirs.
     */
    ProblemeHttpException introuvable(UUID id, Utilisateur u, Supplier<ProblemeHttpException> sinon) {
        return du(id, u).map(s -> new ProblemeHttpException(HttpStatus.NOT_FOUND, "Brouillon supprimé",
                "Le brouillon " + s.id() + (s.reference() == null ? "" : " (référence « " + Citations.abregee(s.reference(), 60) + " »)")
                        + " a été supprimé " + s.enFrancais() + " : il ne se lit, ne se modifie ni ne se dépose plus. Son contenu"
                        + " se reprend dans un nouveau brouillon : POST /api/v1/dossiers/" + s.id() + "/copie."))
                .orElseGet(sinon);
    }

    /**
     * The user's organisation's drafts deleted at {@code depuis} or since (all when null), in the order they were
     * deleted, after {@code apres} (null: from the first), {@code taille} at most.
     */
    List<Suppression> depuis(Utilisateur u, OffsetDateTime depuis, Suppression apres, int taille) {
        return jdbc.sql("SELECT " + COLONNES + " FROM dossier d WHERE" + DE_L_ORGANISATION + filtre(depuis, apres)
                        + " ORDER BY d.supprime_le, d.id LIMIT :taille")
                .params(DossiersStore.filtre(u)).params(parametres(depuis, apres)).param("taille", taille)
                .query(LIGNE).list();
    }

    long nombre(Utilisateur u, OffsetDateTime depuis) {
        return jdbc.sql("SELECT count(*) FROM dossier d WHERE" + DE_L_ORGANISATION + filtre(depuis, null))
                .params(DossiersStore.filtre(u)).params(parametres(depuis, null)).query(Long.class).single();
    }

    private static String filtre(OffsetDateTime depuis, Suppression apres) {
        return (depuis == null ? "" : " AND d.supprime_le >= :depuis")
                + (apres == null ? "" : " AND (d.supprime_le, d.id) > (:apresLe, :apres)");
    }

    private static Map<String, Object> parametres(OffsetDateTime depuis, Suppression apres) {
        Map<String, Object> p = new HashMap<>();
        if (depuis != null) {
            p.put("depuis", depuis);
        }
        if (apres != null) {
            p.put("apresLe", apres.supprimeLe());
            p.put("apres", apres.id());
        }
        return p;
    }
}
