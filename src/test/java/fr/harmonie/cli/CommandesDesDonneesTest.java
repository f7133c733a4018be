package fr.harmonie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.harmonie.PartitionsMontees;
import fr.harmonie.stockage.VersionPostgresEmbarque;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ce que {@code sauvegarder} et {@code restaurer} refusent, sans jamais rien laisser d'écrit à moitié: une archive qui
 * n'est pas une sauvegarde (ou faite pour écrire hors des données), une base déjà là, un fichier déjà là, un disque
 * plein, une base à soi. Le service arrêté, sur des données fabriquées; la sauvegarde d'un vrai service en marche est
 * dans {@code SauvegardeTest}.
 */
class CommandesDesDonneesTest {

    @TempDir
    Path travail;

    private final PartitionsMontees partitions = new PartitionsMontees();

    @AfterEach
    void demonter() throws Exception {
        partitions.demonter();
    }

    /** The files of a stopped embedded server: enough for a cold backup, which copies them as they are. */
    private Path donneesArretees(String nom, int octetsDeTable) throws IOException {
        Path racine = travail.resolve(nom);
        Path pg = Files.createDirectories(racine.resolve("postgres"));
        Files.writeString(pg.resolve("PG_VERSION"), "17\n");
        byte[] table = new byte[octetsDeTable];
        new Random(7).nextBytes(table);
        Files.write(Files.createDirectories(pg.resolve("base/5")).resolve("16384"), table);
        Files.write(Files.createDirectories(pg.resolve("pg_wal")).resolve("000000010000000000000001"), new byte[4096]);
        Files.createDirectories(pg.resolve("pg_notify"));
        Files.writeString(pg.resolve("postmaster.opts"), "/usr/bin/postgres");
        return racine;
    }

    @Test
    void uneSauvegardeServiceArreteRevientAIdentiqueDansUnRepertoireVideEtRienNEstRemplace() throws Exception {
        Path donnees = donneesArretees("donnees", 50_000);
        Path zip = travail.resolve("sauvegarde.zip");

        Appel sauvegarde = appeler(Map.of("HARMONIE_DATA_DIR", donnees.toString()), "sauvegarder", zip.toString());
        assertThat(sauvegarde.code()).as(sauvegarde.erreurs()).isZero();
        assertThat(sauvegarde.sortie()).contains("Sauvegarde écrite dans " + zip, "service arrêté");
        // The whole base, password hashes included: for the owner only, as the data directory.
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Path restauree = travail.resolve("ailleurs");
        Appel restauration = appeler(Map.of(), "restaurer", "--donnees", restauree.toString(), zip.toString());
        assertThat(restauration.code()).as(restauration.erreurs()).isZero();
        Path pg = restauree.resolve("postgres");
        assertThat(pg.resolve("base/5/16384")).hasSameBinaryContentAs(donnees.resolve("postgres/base/5/16384"));
        assertThat(pg.resolve("pg_wal/000000010000000000000001")).exists();
        assertThat(pg.resolve("pg_notify")).isEmptyDirectory();
        assertThat(pg.resolve("postmaster.opts")).doesNotExist();
        // PostgreSQL refuses to start on a data directory that others can read.
        assertThat(Files.getPosixFilePermissions(pg)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Appel dejaLa = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), zip.toString());
        assertThat(dejaLa.code()).isEqualTo(2);
        assertThat(dejaLa.erreurs()).contains(zip + " existe déjà");

        Files.writeString(pg.resolve("PG_VERSION"), "17\n");
        Appel surUneBase = appeler(Map.of(), "restaurer", "--donnees", restauree.toString(), zip.toString());
        assertThat(surUneBase.code()).isEqualTo(2);
        assertThat(surUneBase.erreurs()).contains("tient déjà une base");
        assertThat(restauree.resolve("postgres.restauration")).doesNotExist();

        // Given a directory (cron's nightly backups), a dated file in it.
        Path nuits = Files.createDirectories(travail.resolve("nuits"));
        Appel datee = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), nuits.toString());
        assertThat(datee.code()).as(datee.erreurs()).isZero();
        try (Stream<Path> sauvegardes = Files.list(nuits)) {
            assertThat(sauvegardes.map(p -> p.getFileName().toString()))
                    .singleElement().asString().matches("harmonie-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.zip");
        }

        Appel baseAVous = appeler(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://base:5432/harmonie"),
                "sauvegarder", travail.resolve("autre.zip").toString());
        assertThat(baseAVous.code()).isEqualTo(2);
        assertThat(baseAVous.erreurs()).contains("pg_dump");
        assertThat(travail.resolve("autre.zip")).doesNotExist();
    }

    /** Two backups to one name at once (two crons) would mix their bytes; one killed midway leaves its file to reuse. */
    @Test
    void uneSauvegardeEnCoursVersLeMemeFichierEstAttendueEtCelleDUneSauvegardeTueeEstReprise() throws Exception {
        Path donnees = donneesArretees("donnees", 10_000);
        Path zip = travail.resolve("nuit.zip");
        Path partiel = travail.resolve("nuit.zip.partiel");
        try (FileChannel autre = FileChannel.open(partiel, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock enCours = autre.lock()) {
            Appel pendant = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), zip.toString());
            assertThat(pendant.code()).isEqualTo(2);
            assertThat(pendant.erreurs()).contains("une autre sauvegarde écrit déjà " + partiel);
            assertThat(partiel).exists();
            assertThat(zip).doesNotExist();
        }
        Files.writeString(partiel, "début d'une sauvegarde tuée, plus long que ce qui le remplace".repeat(10_000));
        assertThat(appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), zip.toString()).code()).isZero();
        assertThat(partiel).doesNotExist();
        Appel restauration = appeler(Map.of(), "restaurer", "--donnees", travail.resolve("r").toString(), zip.toString());
        assertThat(restauration.code()).as(restauration.erreurs()).isZero();

        // In a directory of dated backups, the next run has another name: it removes what killed runs left there, but
        // not the file of a backup still being written.
        Path nuits = Files.createDirectories(travail.resolve("nuits"));
        Path tuee = Files.writeString(nuits.resolve("harmonie-2026-12-01-020000.zip.partiel"), "tuée à mi-chemin");
        Path ecrite = nuits.resolve("harmonie-2026-12-02-020000.zip.partiel");
        Path autreFichier = Files.writeString(nuits.resolve("notes.partiel"), "pas une sauvegarde");
        try (FileChannel autre = FileChannel.open(ecrite, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock enCours = autre.lock()) {
            Appel datee = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), nuits.toString());
            assertThat(datee.code()).as(datee.erreurs()).isZero();
            assertThat(tuee).doesNotExist();
            assertThat(ecrite).exists();
            assertThat(autreFichier).exists();
        }
    }

    /** A nightly cron into one directory fills the disk in the end: --garder keeps the latest ones only. */
    @Test
    void versUnRepertoireGarderNeLaisseQueLesDernieresSauvegardesDateesEtRienDAutre() throws Exception {
        Path donnees = donneesArretees("donnees", 1_000);
        Path nuits = Files.createDirectories(travail.resolve("nuits"));
        for (String jour : List.of("2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01")) {
            Files.writeString(nuits.resolve("harmonie-" + jour + "-020000.zip"), "sauvegarde du " + jour);
        }
        Path autre = Files.writeString(nuits.resolve("harmonie-a-la-main.zip"), "rangée là par quelqu'un");

        Appel garder = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), "--garder", "3", nuits.toString());
        assertThat(garder.code()).as(garder.erreurs()).isZero();
        assertThat(garder.sortie()).contains("Plus anciennes que les 3 dernières, effacées : harmonie-2026-11-29-020000.zip,"
                + " harmonie-2026-11-28-020000.zip.");
        String nouvelle = Path.of(garder.sortie().replaceFirst("(?s)^Sauvegarde écrite dans (\\S+) .*$", "$1"))
                .getFileName().toString();
        try (Stream<Path> restent = Files.list(nuits)) {
            assertThat(restent.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(nouvelle,
                    "harmonie-2026-11-30-020000.zip", "harmonie-2026-12-01-020000.zip", "harmonie-a-la-main.zip");
        }
        assertThat(autre).hasContent("rangée là par quelqu'un");

        Appel zero = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), "--garder", "0", nuits.toString());
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.erreurs()).contains("n'est pas un nombre de sauvegardes à garder");
        Appel versUnFichier = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), "--garder", "3",
                travail.resolve("une.zip").toString());
        assertThat(versUnFichier.code()).isEqualTo(2);
        assertThat(versUnFichier.erreurs()).contains("--garder ne vaut que vers un répertoire");
        assertThat(travail.resolve("une.zip")).doesNotExist();
    }

    @Test
    void laSauvegardeDUnAutrePostgresEstRefuseeAvantDEcrireEtDitParOuPasser() throws Exception {
        // Made by a Harmonie that embedded PostgreSQL 16 (or, the day this one embeds 18, by today's): written out, it
        // would stop the next start and leave a directory to clear by hand.
        Path autre = Files.createDirectories(travail.resolve("pg16/postgres"));
        Files.writeString(autre.resolve("PG_VERSION"), "16\n");
        Files.write(Files.createDirectories(autre.resolve("base/5")).resolve("16384"), new byte[8192]);
        Path zip = travail.resolve("pg16.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String nom : List.of("PG_VERSION", "base/5/16384")) {
                z.putNextEntry(new ZipEntry("postgres/" + nom));
                z.write(Files.readAllBytes(autre.resolve(nom)));
                z.closeEntry();
            }
        }
        Path restauree = travail.resolve("restauree");

        Appel appel = appeler(Map.of(), "restaurer", "--donnees", restauree.toString(), zip.toString());

        assertThat(appel.code()).isEqualTo(2);
        assertThat(appel.erreurs()).contains(zip + " tient une base de PostgreSQL 16, et ce Harmonie embarque PostgreSQL "
                + VersionPostgresEmbarque.majeure() + ", qui ne la lit pas", "avec la version d'Harmonie qui l'a faite",
                "migrer", "Rien n'a été restauré");
        assertThat(restauree.resolve("postgres")).doesNotExist();
        assertThat(restauree.resolve("postgres.restauration")).doesNotExist();
    }

    @Test
    void uneArchiveQuiNEstPasUneSauvegardeNEcritRien() throws Exception {
        Path restauree = travail.resolve("restauree");
        Path texte = Files.writeString(travail.resolve("notes.zip"), "pas une archive");
        Path sansBase = archive("sans-base.zip", "postgres/base/5/16384");
        // Made to write beside the data: « postgres/../../piege » would land beside the data directory.
        Path piege = archive("piege.zip", "postgres/PG_VERSION", "postgres/../../piege");
        Path entiere = travail.resolve("entiere.zip");
        assertThat(appeler(Map.of(), "sauvegarder", "--donnees", donneesArretees("d", 200_000).toString(),
                entiere.toString()).code()).isZero();
        byte[] octets = Files.readAllBytes(entiere);
        Path coupee = Files.write(travail.resolve("coupee.zip"), Arrays.copyOf(octets, octets.length / 2));

        for (Path archive : List.of(texte, sansBase, piege, coupee)) {
            Appel appel = appeler(Map.of(), "restaurer", "--donnees", restauree.toString(), archive.toString());
            assertThat(appel.code()).as(archive.toString()).isEqualTo(2);
            assertThat(appel.erreurs()).contains(archive + " n'est pas une sauvegarde d'Harmonie", "Rien n'a été restauré");
            assertThat(restauree.resolve("postgres")).doesNotExist();
            assertThat(restauree.resolve("postgres.restauration")).doesNotExist();
        }
        assertThat(travail.resolve("piege")).doesNotExist();
    }

    @Test
    void unDisquePleinNeLaisseNiSauvegardeNiBaseAMoitie() throws Exception {
        Path petite = partitions.monter(travail.resolve("petite"), "size=1m");
        Path donnees = donneesArretees("donnees", 3_000_000); // random bytes: they do not compress
        Appel sauvegarde = appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(),
                petite.resolve("sauvegarde.zip").toString());
        assertThat(sauvegarde.code()).isEqualTo(Commandes.SORTIE_NON_ECRITE);
        assertThat(sauvegarde.erreurs()).contains("plus de place sur le disque");
        assertThat(petite).isEmptyDirectory();

        Path zip = travail.resolve("sauvegarde.zip");
        assertThat(appeler(Map.of(), "sauvegarder", "--donnees", donnees.toString(), zip.toString()).code()).isZero();
        Appel restauration = appeler(Map.of(), "restaurer", "--donnees", petite.toString(), zip.toString());
        assertThat(restauration.code()).isEqualTo(Commandes.SORTIE_NON_ECRITE);
        assertThat(restauration.erreurs()).contains("plus de place sur le disque", "rien n'a été mis en place");
        try (Stream<Path> reste = Files.list(petite)) {
            assertThat(reste.map(p -> p.getFileName().toString())).containsOnly("harmonie.verrou");
        }
    }

    /** Restored by root for a service that runs as its own user: the files are that user's, or its PostgreSQL stops. */
    @Test
    void desDonneesRestaureesParRootSontAuProprietaireDuRepertoire() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "changer le propriétaire d'un fichier demande root");
        Path zip = travail.resolve("sauvegarde.zip");
        assertThat(appeler(Map.of(), "sauvegarder", "--donnees", donneesArretees("d", 1_000).toString(), zip.toString())
                .code()).isZero();
        Path donnees = Files.createDirectories(travail.resolve("service"));
        assertThat(PartitionsMontees.commande("chown", "nobody", donnees.toString())).isNull();

        assertThat(appeler(Map.of(), "restaurer", "--donnees", donnees.toString(), zip.toString()).code()).isZero();
        try (Stream<Path> restaures = Files.walk(donnees)) {
            assertThat(restaures.map(p -> proprietaire(p))).containsOnly("nobody");
        }
    }

    private static String proprietaire(Path p) {
        try {
            return Files.getOwner(p).getName();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path archive(String nom, String... entrees) throws IOException {
        Path fichier = travail.resolve(nom);
        try (OutputStream sortie = Files.newOutputStream(fichier); ZipOutputStream zip = new ZipOutputStream(sortie)) {
            for (String entree : entrees) {
                zip.putNextEntry(new ZipEntry(entree));
                zip.write("17\n".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return fichier;
    }

    private static Appel appeler(Map<String, String> environnement, String... args) {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        ByteArrayOutputStream erreurs = new ByteArrayOutputStream();
        PrintStream s = new PrintStream(sortie, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(erreurs, true, StandardCharsets.UTF_8);
        int code = "sauvegarder".equals(args[0]) ? CommandesDesDonnees.sauvegarder(args, environnement, s, e)
                : CommandesDesDonnees.restaurer(args, environnement, s, e);
        return new Appel(code, sortie.toString(StandardCharsets.UTF_8), erreurs.toString(StandardCharsets.UTF_8));
    }

    private record Appel(int code, String sortie, String erreurs) {
    }
}
