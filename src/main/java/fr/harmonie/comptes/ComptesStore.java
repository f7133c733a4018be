package fr.harmonie.comptes;

import java.util.HashSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ComptesStore {

    record CompteStocke(String identifiant, String motDePasse, boolean actif, Utilisateur utilisateur) { }

    private final JdbcClient jdbc;

    ComptesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CompteStocke> parIdentifiant(String identifiant) {
        return jdbc.sql("""
                SELECT c.identifiant, c.mot_de_passe, c.role, o.id, o.siren, o.region, c.actif
                FROM compte c JOIN organisation o ON o.id = c.organisation_id WHERE c.identifiant = ?""")
                .param(identifiant)
                .query((rs, n) -> {
                    long org = rs.getLong(4);
                    var territoires = new HashSet<>(jdbc.sql("SELECT pack_id FROM organisation_territoire WHERE organisation_id = ?")
                            .param(org).query(String.class).list());
                    return new CompteStocke(rs.getString(1), rs.getString(2), rs.getBoolean(7), new Utilisateur(rs.getString(1),
                            Role.valueOf(rs.getString(3)), org, rs.getString(5), territoires, rs.getString(6)));
                }).optional();
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
