package fr.harmonie.comptes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ComptesStore {

    record CompteStocke(String identifiant, String motDePasse, boolean actif, Utilisateur utilisateur) { }

    private final JdbcClient jdbc;

    ComptesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The packs of organisation {@code o}, as one column of the same row. Authentication reads them on every request:
     * asked by a second query from within the first one's row, they took a second connection while the first was
     * held, and as many requests authenticating at once as the pool has connections waited for each other until
     * they all got 503.
     */
    static final String TERRITOIRES_DE_O = "ARRAY(SELECT pack_id FROM organisation_territoire t WHERE t.organisation_id = o.id)";

    static Set<String> territoires(ResultSet rs, int colonne) throws SQLException {
        return new HashSet<>(Arrays.asList((String[]) rs.getArray(colonne).getArray()));
    }

    /**
     * An identifier as typed at login or in an address: identifiers are kept in lower case (AdministrationComptes), so
     * « Elodie.Martin », typed by a person or capitalised by a phone's keyboard, is elodie.martin.
     */
    static String identifiantTape(String tape) {
        return tape.toLowerCase(Locale.ROOT);
    }

    Optional<CompteStocke> parIdentifiant(String identifiant) {
        return jdbc.sql("SELECT c.identifiant, c.mot_de_passe, c.role, o.id, o.siren, o.region, c.actif, " + TERRITOIRES_DE_O
                        + " FROM compte c JOIN organisation o ON o.id = c.organisation_id WHERE c.identifiant = ?")
                .param(identifiant)
                .query((rs, n) -> new CompteStocke(rs.getString(1), rs.getString(2), rs.getBoolean(7), new Utilisateur(rs.getString(1),
                        Role.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5), territoires(rs, 8), rs.getString(6))))
                .optional();
    }

    boolean existe(String identifiant) {
        return jdbc.sql("SELECT count(*) FROM compte WHERE identifiant = ?").param(identifiant).query(Long.class).single() > 0;
    }

    long organisation(String type, String nom, String siren, String region) {
        return jdbc.sql("INSERT INTO organisation (type, nom, siren, region) VALUES (?, ?, ?, ?) RETURNING id")
                .params(type, nom, siren, region).query(Long.class).single();
    }

    void territoire(long organisation, String pack) {
        jdbc.sql("INSERT INTO organisation_territoire (organisation_id, pack_id) VALUES (?, ?)").params(organisation, pack).update();
    }

    /** Rend false si le compte n'existe pas. */
    boolean motDePasse(String identifiant, String motDePasseHache) {
        return jdbc.sql("UPDATE compte SET mot_de_passe = ? WHERE identifiant = ?").params(motDePasseHache, identifiant).update() > 0;
    }

    void compte(String identifiant, String motDePasseHache, long organisation, Role role) {
        jdbc.sql("INSERT INTO compte (identifiant, mot_de_passe, organisation_id, role) VALUES (?, ?, ?, ?)")
                .params(identifiant, motDePasseHache, organisation, role.name()).update();
    }
}
