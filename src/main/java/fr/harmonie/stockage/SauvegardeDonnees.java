package fr.harmonie.stockage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Une sauvegarde des données du PostgreSQL embarqué, dans un fichier zip que {@link RestaurationDonnees} remet en place:
 * dossiers, évaluations scellées, journal, comptes et versions de packs, tout ce que la base tient.
 *
 * <p>The embedded server comes without pg_dump or pg_basebackup, and a copy of a running server's files is not a
 * backup (each file is copied at a different moment). So, while the service runs, this takes a base backup the way
 * PostgreSQL documents for its low-level API, over JDBC: {@code pg_backup_start}, a copy of the files,
 * {@code pg_backup_stop}, whose {@code backup_label} goes into the copy, and the journal (WAL) written between the two,
 * which a temporary replication slot keeps from being recycled meanwhile, as pg_basebackup does. Restored, the server
 * replays that journal and finds the base as it was at the end of the backup; the service keeps answering during it.
 * When no service runs on the directory, its files are copied as they are, under the directory's lock, so that none
 * starts meanwhile.
 */
public final class SauvegardeDonnees {

    /** Where a backup puts PostgreSQL's files, and where a restore looks for them. */
    static final String RACINE_ZIP = "postgres/";

    /** Files that belong to a running server, or that it makes again (the documentation's list for base backups). */
    private static final Set<String> FICHIERS_EXCLUS = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "backup_manifest", "current_logfiles", "pg_internal.init");

    /** Directories kept empty: a server fills them again at start. pg_wal is copied on its own. */
    private static final Set<String> REPERTOIRES_VIDES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private static final DateTimeFormatter HORODATAGE = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss");

    /** How the backup was made: through the running server, or by copying a stopped one's files. */
    public enum Mode {
        A_CHAUD, A_FROID
    }

    /** A backup written whole: the file, its size, how, and the older dated backups removed ({@code --garder}). */
    public record Bilan(Path fichier, long octets, Mode mode, List<Path> effacees) {
    }

    /** The name of a dated backup, as {@link #sauvegarder} gives it in a directory: its order is their age's. */
    private static final Pattern DATEE = Pattern.compile("harmonie-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.zip");

    private SauvegardeDonnees() {
    }

    /**
     * Writes a backup of the data under {@code racine} (the service's {@code HARMONIE_DATA_DIR}) to {@code fichier},
     * which must not exist, or into it when it is a directory, as {@code harmonie-AAAA-MM-JJ-HHMMSS.zip} (local time). The file appears only once whole: a backup cut short (a full disk, a kill) leaves at most a
     * {@code .partiel} beside it.
     *
     * @throws OperationRefuseeException when there is nothing to back up or the file exists
     * @throws IOException when the backup could not be written (nothing is left under the file's name)
     */
    public static Bilan sauvegarder(Path racine, Path fichier) throws IOException {
        return sauvegarder(racine, fichier, 0);
    }

    /**
     * The same; into a directory, with {@code garder} above 0, only the {@code garder} latest dated backups stay there
     * once this one is written (a nightly cron would otherwise fill the disk). Other files are never touched.
     */
    public static Bilan sauvegarder(Path racine, Path fichier, int garder) throws IOException {
        Path donnees = racine.toAbsolutePath().normalize();
        Path pg = donnees.resolve("postgres");
        Path cible = fichier.toAbsolutePath().normalize();
        boolean datee = Files.isDirectory(cible);
        if (garder > 0 && !datee) {
            throw new OperationRefuseeException("--garder ne vaut que vers un répertoire de sauvegardes datées (" + cible
                    + " n'en est pas un) : il efface les plus anciennes de ce répertoire.");
        }
        if (datee) {
            // A directory of backups (from cron, where « $(date +%F) » needs escaping): one file per run, dated.
            cible = cible.resolve("harmonie-" + LocalDateTime.now().format(HORODATAGE) + ".zip");
        }
        if (!Files.isRegularFile(pg.resolve("PG_VERSION"))) {
            throw new OperationRefuseeException("aucune donnée d'Harmonie dans " + donnees + " (pas de base dans "
                    + pg + ") : donnez le répertoire de données du service (HARMONIE_DATA_DIR, ou --donnees).");
        }
        if (Files.exists(cible)) {
            throw new OperationRefuseeException(cible + " existe déjà : une sauvegarde ne remplace pas un fichier,"
                    + " donnez-lui un autre nom.");
        }
        if (cible.startsWith(donnees)) {
            throw new OperationRefuseeException(cible + " est dans le répertoire de données " + donnees
                    + " : une sauvegarde se range ailleurs (elle se copierait elle-même, et disparaîtrait avec lui).");
        }
        Path partiel = cible.resolveSibling(cible.getFileName() + ".partiel");
        try (FileChannel enCours = FileChannel.open(partiel, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Locked while written: a second backup to the same name at the same time would interleave its bytes with
            // these; one left by a backup that was killed is free again, and is written over.
            if (verrouiller(enCours) == null) {
                throw new OperationRefuseeException("une autre sauvegarde écrit déjà " + partiel + " : attendez qu'elle"
                        + " finisse, ou donnez un autre nom.");
            }
            Bilan bilan;
            try {
                // The base's whole content (password hashes, bailleurs' dossiers): for the owner's eyes only, as the
                // data directory is (0700), and not for every account of the server (umask 022 would give 0644).
                FichiersDuService.proprietaireSeul(partiel);
                bilan = ecrire(donnees, pg, cible, partiel, VerrouDuRepertoire.essayer(donnees, true).orElse(null), enCours);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partiel);
                if (e instanceof IOException && !(e.getCause() instanceof SQLException)) {
                    throw new IOException(RaisonDuSysteme.de(e), e);
                }
                throw e;
            }
            if (!datee) {
                return bilan;
            }
            // The backup is in place: what follows tidies its directory and cannot make it fail.
            effacerLesPartielsAbandonnes(cible.getParent());
            return new Bilan(bilan.fichier(), bilan.octets(), bilan.mode(),
                    garder > 0 ? effacerLesPlusAnciennes(cible, garder) : List.of());
        }
    }

    /** {@code verrou}: the data directory's lock, null when a service holds it. */
    private static Bilan ecrire(Path donnees, Path pg, Path cible, Path partiel, VerrouDuRepertoire verrou, FileChannel enCours)
            throws IOException {
        try {
            enCours.truncate(0);
            // Not closed: that would close the channel, and let go of its lock, before the file is in place.
            ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(enCours)));
            Mode mode;
            Optional<Integer> port = Postmaster.port(pg);
            if (port.isPresent()) {
                aChaud(pg, port.get(), zip);
                mode = Mode.A_CHAUD;
            } else if (verrou == null) {
                throw new OperationRefuseeException(donnees + " est tenu par un service Harmonie dont le PostgreSQL n'est"
                        + " pas en marche en ce moment (il démarre, ou le relance), ou par une autre sauvegarde : réessayez"
                        + " dans quelques secondes.");
            } else {
                copier(pg, zip, true);
                mode = Mode.A_FROID;
            }
            zip.finish();
            zip.flush();
            // On disk before it takes its name: a crash never leaves half a backup under it.
            enCours.force(true);
            FichiersDuService.mettreEnPlace(partiel, cible);
            return new Bilan(cible, Files.size(cible), mode, List.of());
        } finally {
            if (verrou != null) {
                verrou.close();
            }
        }
    }

    /**
     * The {@code .partiel} files that backups killed midway left in a directory of dated backups: the next run has
     * another name and would never write over them, so each killed nightly run kept a base-sized file for good. One
     * still locked is being written by a running backup, and stays.
     */
    private static void effacerLesPartielsAbandonnes(Path repertoire) {
        try (DirectoryStream<Path> partiels = Files.newDirectoryStream(repertoire, "harmonie-*.zip.partiel")) {
            for (Path partiel : partiels) {
                try (FileChannel canal = FileChannel.open(partiel, StandardOpenOption.WRITE)) {
                    if (verrouiller(canal) != null) {
                        Files.delete(partiel);
                    }
                } catch (IOException dejaParti) {
                    // Put in place or removed meanwhile, or not ours to remove: the backup itself is written.
                }
            }
        } catch (IOException illisible) {
            // The backup is written; the sweep waits for the next one.
        }
    }

    /**
     * Keeps {@code nouvelle} and the {@code garder - 1} latest other dated backups beside it, removes the others;
     * returns those removed. {@code nouvelle} is kept whatever its name says (a clock set back).
     */
    private static List<Path> effacerLesPlusAnciennes(Path nouvelle, int garder) {
        // What cannot be removed stays, and the next run tries again.
        List<Path> autres;
        try (Stream<Path> fichiers = Files.list(nouvelle.getParent())) {
            autres = fichiers.filter(f -> DATEE.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)
                            && !f.equals(nouvelle))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        } catch (IOException illisible) {
            return List.of();
        }
        List<Path> effacees = new ArrayList<>();
        for (Path ancienne : autres.subList(Math.min(garder - 1, autres.size()), autres.size())) {
            try {
                Files.deleteIfExists(ancienne);
                effacees.add(ancienne);
            } catch (IOException refuse) {
                // left for the next run
            }
        }
        return effacees;
    }

    /** The lock of a {@code .partiel} file, or null when a running backup holds it. */
    private static FileLock verrouiller(FileChannel canal) throws IOException {
        try {
            return canal.tryLock();
        } catch (OverlappingFileLockException dejaTenuIci) {
            return null;
        }
    }

    private static void aChaud(Path pg, int port, ZipOutputStream zip) throws IOException {
        // A base made before the password (MotDePasseDuPostgres) and not started since has none: its server trusts.
        try (Connection c = MotDePasseDuPostgres.connecter(port, MotDePasseDuPostgres.lire(pg));
             Statement s = c.createStatement()) {
            // Reserves the journal from now on, for this connection only: a checkpoint during a long copy would
            // otherwise recycle the segments the restore must replay.
            s.execute("SELECT pg_create_physical_replication_slot('harmonie_sauvegarde_" + ProcessHandle.current().pid()
                    + "', true, true)");
            String premier = texte(s, "SELECT pg_walfile_name(pg_backup_start('harmonie', true))");
            copier(pg, zip, false);
            String etiquette;
            String espaces;
            String dernier;
            try (ResultSet fin = s.executeQuery("SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")) {
                fin.next();
                etiquette = fin.getString(1);
                espaces = fin.getString(2);
                dernier = fin.getString(3);
            }
            ecrire(zip, "backup_label", etiquette);
            if (espaces != null && !espaces.isBlank()) {
                ecrire(zip, "tablespace_map", espaces);
            }
            copierJournal(pg.resolve("pg_wal"), premier, dernier, zip);
        } catch (SQLException e) {
            throw new IOException("le PostgreSQL embarqué (port " + port + ") n'a pas permis la sauvegarde : "
                    + e.getMessage(), e);
        }
    }

    private static String texte(Statement s, String requete) throws SQLException {
        try (ResultSet r = s.executeQuery(requete)) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * Every file of {@code pg} into {@code zip}, under {@value #RACINE_ZIP}. Files that vanish during the walk (a table
     * dropped, a temporary file) are skipped: the journal replayed at restore accounts for them. {@code arrete}: the
     * server is stopped, so its journal is copied with the rest.
     */
    private static void copier(Path pg, ZipOutputStream zip, boolean arrete) throws IOException {
        Files.walkFileTree(pg, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relatif = relatif(pg, dir);
                if (!relatif.isEmpty()) {
                    zip.putNextEntry(new ZipEntry(RACINE_ZIP + relatif + "/"));
                    zip.closeEntry();
                }
                boolean vide = REPERTOIRES_VIDES.contains(relatif) && !(arrete && "pg_wal".equals(relatif));
                if (vide) {
                    if ("pg_wal".equals(relatif)) {
                        for (String sous : List.of("pg_wal/archive_status/", "pg_wal/summaries/")) {
                            zip.putNextEntry(new ZipEntry(RACINE_ZIP + sous));
                            zip.closeEntry();
                        }
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String nom = file.getFileName().toString();
                if (attrs.isRegularFile() && !FICHIERS_EXCLUS.contains(nom) && !nom.startsWith("pgsql_tmp")) {
                    ajouter(zip, RACINE_ZIP + relatif(pg, file), file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The journal's segments from {@code premier} to {@code dernier} (one timeline: their names sort by position). */
    private static void copierJournal(Path wal, String premier, String dernier, ZipOutputStream zip) throws IOException {
        try (var fichiers = Files.list(wal)) {
            for (Path segment : fichiers.sorted().toList()) {
                String nom = segment.getFileName().toString();
                boolean utile = nom.length() == premier.length() && nom.compareTo(premier) >= 0 && nom.compareTo(dernier) <= 0;
                if (utile || nom.endsWith(".history")) {
                    ajouter(zip, RACINE_ZIP + "pg_wal/" + nom, segment);
                }
            }
        }
    }

    private static void ajouter(ZipOutputStream zip, String nom, Path fichier) throws IOException {
        // Read as a stream: a table's file reaches 1 GB.
        InputStream contenu;
        try {
            contenu = Files.newInputStream(fichier);
        } catch (NoSuchFileException parti) {
            return;
        }
        try (contenu) {
            zip.putNextEntry(new ZipEntry(nom));
            contenu.transferTo(zip);
            zip.closeEntry();
        }
    }

    private static void ecrire(ZipOutputStream zip, String nom, String contenu) throws IOException {
        zip.putNextEntry(new ZipEntry(RACINE_ZIP + nom));
        zip.write(contenu.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String relatif(Path racine, Path p) {
        return racine.relativize(p).toString().replace('\\', '/');
    }
}
