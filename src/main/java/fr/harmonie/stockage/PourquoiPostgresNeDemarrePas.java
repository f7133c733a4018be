package fr.harmonie.stockage;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the embedded PostgreSQL could not start, when that can be told, and what to do: the library says only that
 * initdb or pg_ctl « failed ». Asked once the start has failed, never on the way of a start that works. {@code action}
 * null: the usual advice (another data directory, or a base of one's own).
 */
record PourquoiPostgresNeDemarrePas(String raison, String action) {

    private static final long MO = 1024 * 1024;
    /** Its programs (60 MB) and a new cluster (40 MB), with room for the journal's first segments. */
    private static final long ESPACE_NECESSAIRE = 150 * MO;

    /** For the data in {@code dossier}, after {@code echec}; null when nothing more can be said. */
    static PourquoiPostgresNeDemarrePas apres(Throwable echec, Path dossier, boolean ephemere) {
        for (Throwable c = echec; c != null; c = c.getCause()) {
            // The library's words when the jar holds no PostgreSQL for this system: Harmonie ships Linux x86-64's only.
            if (String.valueOf(c.getMessage()).contains("Missing embedded postgres binaries")) {
                return new PourquoiPostgresNeDemarrePas("Harmonie n'embarque PostgreSQL que pour Linux x86-64, et ce système est "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        "Donner une base PostgreSQL (17 de préférence) par SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME "
                                + "et SPRING_DATASOURCE_PASSWORD ; ou lancer Harmonie et sa base par docker compose up --build.");
            }
        }
        Path binaires = PostgresEmbarque.binaires(dossier, ephemere);
        for (Path lieu : List.of(dossier, binaires)) {
            long libres = espaceLibre(lieu);
            if (libres >= 0 && libres < ESPACE_NECESSAIRE) {
                return new PourquoiPostgresNeDemarrePas("il ne reste que " + libres / MO + " Mo libres sur la partition de "
                        + lieu + " ; PostgreSQL et ses programmes y demandent environ " + ESPACE_NECESSAIRE / MO + " Mo",
                        "Libérer de la place sur cette partition, puis relancer (une extraction interrompue est reprise "
                                + "d'elle-même) ; ou donner par HARMONIE_DATA_DIR un répertoire sur une autre partition.");
            }
        }
        Path bin;
        try {
            bin = extraits(binaires).resolve("bin");
        } catch (IOException | RuntimeException | NoSuchAlgorithmException inconnu) {
            return null;
        }
        String version;
        try {
            version = version(bin.resolve("postgres"));
        } catch (IOException refus) {
            // A partition mounted noexec, a security policy: the system would not run the program at all.
            return Files.isRegularFile(bin.resolve("postgres")) ? new PourquoiPostgresNeDemarrePas(
                    "le système refuse d'exécuter les programmes de PostgreSQL extraits dans " + bin + " ("
                            + refus.getMessage().replaceFirst("^.*error=\\d+, ", "") + ") : la partition est sans doute montée noexec",
                    null) : null;
        }
        return autreVersion(dossier, version);
    }

    /**
     * Data made by another major version of PostgreSQL than the one this jar embeds (their PG_VERSION, against what
     * its {@code postgres --version} says): PostgreSQL refuses them, and only pg_upgrade or a dump converts them. The
     * day Harmonie embeds a new major version, its users' data directories will say so. Null otherwise.
     */
    private static PourquoiPostgresNeDemarrePas autreVersion(Path dossier, String version) {
        Path pgVersion = dossier.resolve("PG_VERSION");
        Matcher m = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
        try {
            if (!Files.isRegularFile(pgVersion) || !m.find()) {
                return null;
            }
            String donnees = Files.readString(pgVersion).strip();
            if (m.group(1).equals(donnees)) {
                return null;
            }
            return new PourquoiPostgresNeDemarrePas("les données y ont été créées par PostgreSQL " + donnees + ", et ce Harmonie"
                    + " embarque PostgreSQL " + m.group(1) + ", qui ne les lit pas",
                    "Relancer la version d'Harmonie qui les a créées pour les exporter (pg_dump), ou les convertir avec "
                            + "pg_upgrade de PostgreSQL " + m.group(1) + " ; ou donner un HARMONIE_DATA_DIR neuf.");
        } catch (IOException illisible) {
            return null;
        }
    }

    /**
     * Where the library extracts this jar's PostgreSQL: {@code PG-} and the MD5 of its archive, as the library names it.
     * Other versions may sit beside it (an older Harmonie's, or in the shared default place, another project's).
     */
    private static Path extraits(Path binaires) throws IOException, NoSuchAlgorithmException {
        String arch = System.getProperty("os.arch");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "amd64".equals(arch) ? "x86_64" : arch)) {
            return binaires.resolve("PG-" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive.readAllBytes())));
        }
    }

    /** What {@code programme --version} prints; an IOException when the system will not run it. */
    private static String version(Path programme) throws IOException {
        Process p = new ProcessBuilder(programme.toString(), "--version").redirectErrorStream(true).start();
        try {
            String dit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return dit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            p.destroyForcibly();
        }
    }

    /** The bytes this account may still write on the partition of {@code lieu} (or of its nearest parent); -1 unknown. */
    private static long espaceLibre(Path lieu) {
        try {
            Path existant = lieu.toAbsolutePath();
            while (existant != null && !Files.exists(existant)) {
                existant = existant.getParent();
            }
            return existant == null ? -1 : Files.getFileStore(existant).getUsableSpace();
        } catch (IOException | RuntimeException inconnu) {
            return -1;
        }
    }
}
