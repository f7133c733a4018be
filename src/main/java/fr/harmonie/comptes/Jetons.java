package fr.harmonie.comptes;

import fr.harmonie.stockage.ActionJournal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Les jetons des clients machines: émis pour l'organisation du compte qui les demande, avec son rôle; montrés une
 * seule fois; seule leur empreinte est gardée.
 */
@Repository
public class Jetons {

    private static final SecureRandom HASARD = new SecureRandom();
    private static final String PREFIXE = "hrm_";
    /** The identifiant of a token's {@link Utilisateur}: {@code jeton:} and its label. */
    static final String PREFIXE_IDENTIFIANT = "jeton:";

    private final JdbcClient jdbc;

    Jetons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token just issued: the address that revokes it ({@code id}) and the secret, shown this once. */
    record JetonNouveau(long id, String jeton) { }

    /** The token and its line in the journal together, or neither. */
    @Transactional
    public JetonNouveau emettre(Utilisateur u, String libelle) {
        return emettre(u, libelle, null);
    }

    /** {@code valableJusquAu}: the last day (in Paris) it is accepted; null, until it is revoked. */
    @Transactional
    public JetonNouveau emettre(Utilisateur u, String libelle, LocalDate valableJusquAu) {
        byte[] octets = new byte[32];
        HASARD.nextBytes(octets);
        String jeton = PREFIXE + Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        long id = jdbc.sql("INSERT INTO jeton (empreinte, libelle, organisation_id, role, cree_par, valable_jusqu_au)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(empreinte(jeton), libelle, u.organisation(), u.role().name(), u.identifiant(), valableJusquAu)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO journal (qui, action, objet) VALUES (?, ?, ?)")
                .params(u.identifiant(), ActionJournal.EMISSION_JETON.name(), "organisation:" + u.organisation()).update();
        return new JetonNouveau(id, jeton);
    }

    /** Un jeton tel que son organisation le voit: jamais le jeton lui-même, dont seule l'empreinte est gardée. */
    record JetonEmis(long id, String libelle, String role, String creePar, OffsetDateTime creeLe, boolean revoque,
                     LocalDate valableJusquAu, boolean expire) { }

    List<JetonEmis> deLOrganisation(long organisation) {
        return jdbc.sql("SELECT id, libelle, role, cree_par, cree_le, revoque, valable_jusqu_au, NOT " + VALABLE
                        + " FROM jeton j WHERE organisation_id = ? ORDER BY id DESC")
                .param(organisation)
                .query((rs, n) -> new JetonEmis(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getBoolean(8)))
                .list();
    }

    /** Not past its last day, which is a day of Paris, included. */
    private static final String VALABLE = "(j.valable_jusqu_au IS NULL OR j.valable_jusqu_au >= (now() AT TIME ZONE 'Europe/Paris')::date)";

    /** The last day of a token that is no longer valid for it, not revoked: what its refusal says. */
    Optional<LocalDate> expireLe(String jeton) {
        if (!jeton.startsWith(PREFIXE)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT valable_jusqu_au FROM jeton j WHERE empreinte = ? AND NOT revoque AND NOT " + VALABLE)
                .param(empreinte(jeton)).query(LocalDate.class).optional();
    }

    /**
     * Révoque un jeton de l'organisation de {@code u}; dès la requête suivante, il est refusé. Rend false si
     * l'organisation n'a pas ce jeton. Révoquer un jeton déjà révoqué ne change rien et n'est pas journalisé deux fois.
     */
    @Transactional
    boolean revoquer(Utilisateur u, long id) {
        boolean existe = jdbc.sql("SELECT count(*) FROM jeton WHERE id = ? AND organisation_id = ?")
                .params(id, u.organisation()).query(Long.class).single() > 0;
        int revoques = jdbc.sql("UPDATE jeton SET revoque = true WHERE id = ? AND organisation_id = ? AND NOT revoque")
                .params(id, u.organisation()).update();
        if (revoques > 0) {
            jdbc.sql("INSERT INTO journal (qui, action, objet) VALUES (?, ?, ?)")
                    .params(u.identifiant(), ActionJournal.REVOCATION_JETON.name(), "jeton:" + id).update();
        }
        return existe;
    }

    /**
     * The id of the organisation's token whose secret is {@code jeton}, revoked or not: someone who found a token in a
     * log holds its secret, not its id.
     */
    Optional<Long> idDuSecret(String jeton, long organisation) {
        if (!jeton.startsWith(PREFIXE)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM jeton WHERE empreinte = ? AND organisation_id = ?").params(empreinte(jeton), organisation)
                .query(Long.class).optional();
    }

    Optional<Utilisateur> authentifier(String jeton) {
        if (!jeton.startsWith(PREFIXE)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT j.libelle, j.role, o.id, o.siren, o.region, " + ComptesStore.TERRITOIRES_DE_O
                        + " FROM jeton j JOIN organisation o ON o.id = j.organisation_id WHERE j.empreinte = ? AND NOT j.revoque"
                        + " AND " + VALABLE)
                .param(empreinte(jeton))
                .query((rs, n) -> new Utilisateur(PREFIXE_IDENTIFIANT + rs.getString(1), Role.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), ComptesStore.territoires(rs, 6), rs.getString(5)))
                .optional();
    }

    private static String empreinte(String jeton) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jeton.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
