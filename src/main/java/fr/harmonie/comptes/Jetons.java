package fr.harmonie.comptes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Les jetons des clients machines: émis pour l'organisation du compte qui les demande, avec son rôle; montrés une
 * seule fois; seule leur empreinte est gardée.
 */
@Repository
public class Jetons {

    private static final SecureRandom HASARD = new SecureRandom();
    private static final String PREFIXE = "hrm_";

    private final JdbcClient jdbc;

    Jetons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String emettre(Utilisateur u, String libelle) {
        byte[] octets = new byte[32];
        HASARD.nextBytes(octets);
        String jeton = PREFIXE + Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
        jdbc.sql("INSERT INTO jeton (empreinte, libelle, organisation_id, role, cree_par) VALUES (?, ?, ?, ?, ?)")
                .params(empreinte(jeton), libelle, u.organisation(), u.role().name(), u.identifiant()).update();
        jdbc.sql("INSERT INTO journal (qui, action, objet) VALUES (?, 'EMISSION_JETON', ?)")
                .params(u.identifiant(), "organisation:" + u.organisation()).update();
        return jeton;
    }

    Optional<Utilisateur> authentifier(String jeton) {
        if (!jeton.startsWith(PREFIXE)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT j.libelle, j.role, o.id, o.siren, o.region FROM jeton j JOIN organisation o ON o.id = j.organisation_id
                WHERE j.empreinte = ? AND NOT j.revoque""").param(empreinte(jeton)).query((rs, n) -> {
                    long org = rs.getLong(3);
                    var territoires = new HashSet<>(jdbc.sql("SELECT pack_id FROM organisation_territoire WHERE organisation_id = ?")
                            .param(org).query(String.class).list());
                    return new Utilisateur("jeton:" + rs.getString(1), Role.valueOf(rs.getString(2)), org, rs.getString(4),
                            territoires, rs.getString(5));
                }).optional();
    }

    private static String empreinte(String jeton) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jeton.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
