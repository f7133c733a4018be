package fr.harmonie.stockage;

import fr.harmonie.json.Ressources;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The major version of the PostgreSQL this jar embeds, known without extracting or running it: written into the jar by
 * the build, from the version of its binaries. A data directory holds the major version that created it (PG_VERSION),
 * and no other major version reads it.
 */
public final class VersionPostgresEmbarque {

    private static final String MAJEURE = lire();

    private VersionPostgresEmbarque() {
    }

    /** « 17 » for binaries 17.6.0. */
    public static String majeure() {
        return MAJEURE;
    }

    private static String lire() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Ressources.texte("harmonie/postgres-embarque.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "");
        if (!version.matches("\\d+(\\.\\d+)*")) {
            throw new IllegalStateException("Version du PostgreSQL embarqué illisible dans le jar : « " + version + " »");
        }
        return version.split("\\.")[0];
    }
}
