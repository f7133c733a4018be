package fr.harmonie;

import fr.harmonie.evaluation.Resultat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * La version du socle national en vigueur, lue dans {@code rules/pack.yaml}: les tests qui nomment la chaîne d'un
 * dossier n'ont pas à changer à chaque nouvelle version du socle (ce qu'elle change, les cas et les dossiers de
 * référence le montrent).
 */
public final class Socle {

    public static final String VERSION = lireVersion();
    /** {@code national@<version>}, comme le résultat nomme le pack. */
    public static final String REFERENCE = "national@" + VERSION;

    private Socle() {
    }

    /**
     * The anomalies of {@code r} but the socle's note that a lot's loyer de zone cannot be checked (the LMzone table holds
     * no sourced value for 2026): what a test about something else means by "no anomaly" on a dossier of 2026.
     */
    public static List<Resultat.AnomalieRelevee> anomaliesHorsLoyerDeZone(Resultat r) {
        return r.anomalies().stream().filter(a -> !a.code().equals("LOYER_ZONE_NON_VERIFIABLE")).toList();
    }

    private static String lireVersion() {
        try {
            Matcher m = Pattern.compile("(?m)^version:\\s*\"?([^\"\\s]+)\"?").matcher(Files.readString(Path.of("rules/pack.yaml")));
            if (!m.find()) {
                throw new IllegalStateException("rules/pack.yaml sans version");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
