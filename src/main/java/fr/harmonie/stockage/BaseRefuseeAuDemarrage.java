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
        String url = environnement.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return null; // the embedded base: DonneesRefuseesAuDemarrage speaks for it
        }
        Refus refus = refus(url, environnement.getProperty("spring.datasource.username", ""), cause,
                "le démarrage doit y écrire (schéma, versions de packs ou premier administrateur)");
        if (refus == null) {
            return null;
        }
        return new FailureAnalysis(refus.constat() + ", le service ne démarre pas. PostgreSQL a répondu : "
                + cause.getMessage(), refus.action() + ", puis redémarrer.", cause);
    }

    /** What a configured base's refusal means, and what to do (without a final full stop). */
    record Refus(String constat, String action) {
    }

    /**
     * {@code cause}, from the base at {@code url} for {@code utilisateur}, said in French; null when its state is none
     * of the usual refusals. Also for the {@code migrer} command, which writes into such a base. {@code ecriture}: who
     * must write there, and what, should the base be read-only.
     */
    static Refus refus(String url, String utilisateur, SQLException cause, String ecriture) {
        String etat = cause.getSQLState() == null ? "" : cause.getSQLState();
        String base = "La base configurée " + AdresseDeBase.sansParametres(url);
        if (etat.startsWith("08")) {
            return new Refus(base + " ne répond pas", verifier());
        }
        if (etat.startsWith("28")) {
            return new Refus(base + " refuse l'utilisateur « " + utilisateur + " » ou son mot de passe", verifier());
        }
        if (etat.equals("3D000")) {
            return new Refus(base + " n'existe pas sur ce serveur", verifier());
        }
        if (etat.equals("42501")) {
            // Since PostgreSQL 15, only the database's owner may create in its public schema: a base a DBA created
            // for the account, without giving it, refuses the migrations.
            return new Refus(base + " ne permet pas à l'utilisateur « " + utilisateur + " » d'y créer les tables d'Harmonie",
                    "Donner la base à cet utilisateur (ALTER DATABASE " + AdresseDeBase.nomDeLaBase(url) + " OWNER TO "
                            + utilisateur + " ; depuis PostgreSQL 15, seul le propriétaire d'une base crée dans son schéma"
                            + " public), ou lui accorder GRANT CREATE ON SCHEMA public TO " + utilisateur);
        }
        if (etat.equals("25006")) {
            // A standby after a failover, or default_transaction_read_only: the start had to write (a migration, a new
            // pack version, the first administrator) and could not.
            return new Refus(base + " est en lecture seule alors que " + ecriture, "Pointer SPRING_DATASOURCE_URL sur le"
                    + " serveur primaire (pas sur un secours), ou lever default_transaction_read_only pour cette base ou cet"
                    + " utilisateur");
        }
        return null;
    }

    private static String verifier() {
        return "Vérifier SPRING_DATASOURCE_URL (hôte, port, nom de la base), SPRING_DATASOURCE_USERNAME et "
                + "SPRING_DATASOURCE_PASSWORD, et que la base accepte les connexions de cette machine ; "
                + "sans SPRING_DATASOURCE_URL, Harmonie démarre sa propre base embarquée";
    }
}
