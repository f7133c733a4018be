package fr.harmonie.stockage;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A configured base (SPRING_DATASOURCE_URL) that refuses Harmonie at start: whoever deploys reads in French which base,
 * what it answered and which variables to check, instead of a PSQLException at the end of a dozen « Caused by ». The
 * URL is shown without its parameters, where a password may sit.
 */
class BaseRefuseeAuDemarrage extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environnement;

    BaseRefuseeAuDemarrage(Environment environnement) {
        this.environnement = environnement;
    }

    @Override
    protected FailureAnalysis analyze(Throwable racine, SQLException cause) {
        String etat = cause.getSQLState() == null ? "" : cause.getSQLState();
        String url = environnement.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return null; // the embedded base: DonneesRefuseesAuDemarrage speaks for it
        }
        String base = "La base configurée " + AdresseDeBase.sansParametres(url);
        String description;
        if (etat.startsWith("08")) {
            description = base + " ne répond pas";
        } else if (etat.startsWith("28")) {
            description = base + " refuse l'utilisateur « " + utilisateur() + " » ou son mot de passe";
        } else if (etat.equals("3D000")) {
            description = base + " n'existe pas sur ce serveur";
        } else if (etat.equals("42501")) {
            // Since PostgreSQL 15, only the database's owner may create in its public schema: a base a DBA created
            // for the account, without giving it, refuses the migrations.
            description = base + " ne permet pas à l'utilisateur « " + utilisateur() + " » d'y créer les tables d'Harmonie";
        } else if (etat.equals("25006")) {
            // A standby after a failover, or default_transaction_read_only: the start had to write (a migration, a new
            // pack version, the first administrator) and could not.
            description = base + " est en lecture seule alors que le démarrage doit y écrire (schéma, versions de "
                    + "packs ou premier administrateur)";
        } else {
            return null;
        }
        return new FailureAnalysis(description + ", le service ne démarre pas. PostgreSQL a répondu : " + cause.getMessage(),
                etat.equals("25006")
                        ? "Pointer SPRING_DATASOURCE_URL sur le serveur primaire (pas sur un secours), ou lever "
                                + "default_transaction_read_only pour cette base ou cet utilisateur, puis redémarrer."
                        : etat.equals("42501")
                        ? "Donner la base à cet utilisateur (ALTER DATABASE " + AdresseDeBase.nomDeLaBase(url) + " OWNER TO "
                                + utilisateur()
                                + " ; depuis PostgreSQL 15, seul le propriétaire d'une base crée dans son schéma public), ou "
                                + "lui accorder GRANT CREATE ON SCHEMA public TO " + utilisateur() + ", puis redémarrer."
                        : "Vérifier SPRING_DATASOURCE_URL (hôte, port, nom de la base), SPRING_DATASOURCE_USERNAME et "
                                + "SPRING_DATASOURCE_PASSWORD, et que la base accepte les connexions de cette machine ; "
                                + "sans SPRING_DATASOURCE_URL, Harmonie démarre sa propre base embarquée.", cause);
    }

    private String utilisateur() {
        return environnement.getProperty("spring.datasource.username", "");
    }
}
