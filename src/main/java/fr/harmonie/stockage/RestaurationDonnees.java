package fr.harmonie.stockage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Remet une sauvegarde de {@link SauvegardeDonnees} en place, dans un répertoire de données sans base: au démarrage
 * suivant, le service y retrouve tout ce que la base tenait à la fin de la sauvegarde (PostgreSQL rejoue d'abord le
 * journal qu'elle contient).
 *
 * <p>Never over existing data, and never under a running service: a restore that replaced a base by an older one would
 * lose whatever was written since, with no way back. The files are written to a directory beside and renamed into
 * place at the end, so a restore cut short (a full disk, a kill) leaves no half base that a start would take for data.
 */
public final class RestaurationDonnees {

    private static final String EN_COURS = "postgres.restauration";

    /** Where the base was restored, and how many files it holds. */
    public record Bilan(Path donnees, int fichiers) {
    }

    private RestaurationDonnees() {
    }

    /**
     * Restores the backup {@code fichier} into {@code racine} (the service's {@code HARMONIE_DATA_DIR}).
     *
     * @throws OperationRefuseeException when the file is not a backup of Harmonie, {@code racine} already holds a base,
     *         or a service runs on it; nothing was written
     * @throws IOException when the files could not be written (nothing is left in place)
     */
    public static Bilan restaurer(Path fichier, Path racine) throws IOException {
        Path donnees = racine.toAbsolutePath().normalize();
        Path pg = donnees.resolve("postgres");
        if (!Files.isRegularFile(fichier)) {
            throw new OperationRefuseeException(fichier + " : fichier introuvable.");
        }
        if (Files.exists(pg) && !vide(pg)) {
            throw new OperationRefuseeException(pg + " tient déjà une base : une restauration ne remplace pas des données."
                    + " Restaurez dans un autre répertoire (--donnees, ou HARMONIE_DATA_DIR), ou, pour remplacer celles-ci,"
                    + " déplacez d'abord ce répertoire ailleurs, service arrêté.");
        }
        try (ZipFile zip = ouvrir(fichier)) {
            ZipEntry version = zip.getEntry(SauvegardeDonnees.RACINE_ZIP + "PG_VERSION");
            if (version == null) {
                throw pasUneSauvegarde(fichier, "il n'y a pas de base dedans");
            }
            exigerLaVersionEmbarquee(zip, version, fichier);
            Files.createDirectories(donnees);
            Optional<VerrouDuRepertoire> verrou = VerrouDuRepertoire.essayer(donnees, true);
            if (verrou.isEmpty()) {
                throw new OperationRefuseeException("un service Harmonie tourne sur " + donnees
                        + " : arrêtez-le avant de restaurer.");
            }
            try (VerrouDuRepertoire tenu = verrou.get()) {
                prive(donnees.resolve(RepertoireDonnees.VERROU), Files.getOwner(donnees));
                return extraire(zip, fichier, donnees, pg);
            }
        }
    }

    /**
     * A base from another major version of PostgreSQL (a backup made by an older or newer Harmonie) would be written in
     * full, then refused by the server at the next start, leaving a data directory to clear by hand before anything
     * else: refused before a file is written, with the way through.
     */
    private static void exigerLaVersionEmbarquee(ZipFile zip, ZipEntry entree, Path fichier) throws IOException {
        String version;
        try (InputStream in = zip.getInputStream(entree)) {
            version = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
        } catch (ZipException z) {
            throw pasUneSauvegarde(fichier, "l'archive est abîmée (" + z.getMessage() + ")");
        }
        if (!version.matches("\\d{1,3}")) {
            throw pasUneSauvegarde(fichier, "sa version de PostgreSQL (PG_VERSION) est illisible");
        }
        String embarquee = VersionPostgresEmbarque.majeure();
        if (!version.equals(embarquee)) {
            throw new OperationRefuseeException(fichier + " tient une base de PostgreSQL " + version + ", et ce Harmonie"
                    + " embarque PostgreSQL " + embarquee + ", qui ne la lit pas. Restaurez-la avec la version d'Harmonie"
                    + " qui l'a faite (son PostgreSQL embarqué est le " + version + ") ; de là, migrer la fait passer dans"
                    + " une base PostgreSQL à vous, que ce Harmonie sert avec SPRING_DATASOURCE_URL. Rien n'a été restauré.");
        }
    }

    private static Bilan extraire(ZipFile zip, Path fichier, Path donnees, Path pg) throws IOException {
        Path enCours = donnees.resolve(EN_COURS);
        // Left by a restore that was cut short: ours, and the lock says no one else uses it.
        effacer(enCours);
        // Restored by root for a service that runs as its own user (systemd's User=harmonie): files owned by root would
        // stop that service's PostgreSQL at start. They take the owner of the data directory.
        UserPrincipal proprietaire = Files.getOwner(donnees);
        int fichiers = 0;
        try {
            prive(Files.createDirectory(enCours), proprietaire);
            for (Enumeration<? extends ZipEntry> entrees = zip.entries(); entrees.hasMoreElements(); ) {
                ZipEntry entree = entrees.nextElement();
                String nom = entree.getName();
                if (!nom.startsWith(SauvegardeDonnees.RACINE_ZIP)) {
                    throw pasUneSauvegarde(fichier, "« " + nom + " » n'est pas un fichier de base");
                }
                Path cible = enCours.resolve(nom.substring(SauvegardeDonnees.RACINE_ZIP.length())).normalize();
                if (!cible.startsWith(enCours)) {
                    // « postgres/../../.bashrc »: an archive made to write elsewhere than the data.
                    throw pasUneSauvegarde(fichier, "« " + nom + " » sortirait du répertoire de données");
                }
                if (entree.isDirectory()) {
                    creerRepertoires(enCours, cible, proprietaire);
                    continue;
                }
                creerRepertoires(enCours, cible.getParent(), proprietaire);
                try (InputStream contenu = zip.getInputStream(entree)) {
                    Files.copy(contenu, cible);
                }
                prive(cible, proprietaire);
                fichiers++;
            }
            surLeDisque(enCours);
            if (Files.exists(pg)) {
                Files.delete(pg); // empty, checked above
            }
            FichiersDuService.mettreEnPlace(enCours, pg);
            forcer(donnees);
            return new Bilan(donnees, fichiers);
        } catch (IOException | RuntimeException e) {
            effacer(enCours);
            if (e instanceof ZipException z) {
                throw pasUneSauvegarde(fichier, "l'archive est abîmée (" + z.getMessage() + ")");
            }
            if (e instanceof IOException) {
                throw new IOException(RaisonDuSysteme.de(e), e);
            }
            throw e;
        }
    }

    /**
     * Every restored file and directory flushed to disk. A server started on a base that was stopped cleanly (a backup
     * made with the service stopped) does not flush its files first, as it does after a crash: it takes them for
     * durable, and a power cut soon after the restore could lose what the page cache still held.
     */
    private static void surLeDisque(Path repertoire) throws IOException {
        try (var tout = Files.walk(repertoire)) {
            for (Path p : tout.sorted(Comparator.reverseOrder()).toList()) {
                forcer(p);
            }
        }
    }

    private static void forcer(Path p) throws IOException {
        try (FileChannel f = FileChannel.open(p, StandardOpenOption.READ)) {
            f.force(true);
        }
    }

    private static ZipFile ouvrir(Path fichier) throws IOException {
        try {
            return new ZipFile(fichier.toFile());
        } catch (ZipException e) {
            throw pasUneSauvegarde(fichier, "ce n'est pas une archive zip entière");
        }
    }

    private static OperationRefuseeException pasUneSauvegarde(Path fichier, String pourquoi) {
        return new OperationRefuseeException(fichier + " n'est pas une sauvegarde d'Harmonie (java -jar harmonie.jar"
                + " sauvegarder) : " + pourquoi + ". Rien n'a été restauré.");
    }

    private static void creerRepertoires(Path enCours, Path repertoire, UserPrincipal proprietaire) throws IOException {
        Path courant = enCours;
        for (Path partie : enCours.relativize(repertoire)) {
            courant = courant.resolve(partie);
            if (!Files.isDirectory(courant)) {
                prive(Files.createDirectory(courant), proprietaire);
            }
        }
    }

    /** PostgreSQL refuses a data directory others can read (0700, or 0750 for a group), or that is not its user's. */
    private static void prive(Path p, UserPrincipal proprietaire) throws IOException {
        FichiersDuService.proprietaireSeul(p);
        if (!Files.getOwner(p).equals(proprietaire)) {
            try {
                Files.setOwner(p, proprietaire);
            } catch (FileSystemException seulRootLePeut) {
                // Not root: the files are the restorer's, who must then be the service's user.
            }
        }
    }

    private static boolean vide(Path repertoire) throws IOException {
        if (!Files.isDirectory(repertoire)) {
            return false;
        }
        try (var contenu = Files.list(repertoire)) {
            return contenu.findAny().isEmpty();
        }
    }

    private static void effacer(Path repertoire) throws IOException {
        if (!Files.exists(repertoire)) {
            return;
        }
        try (var contenu = Files.walk(repertoire)) {
            for (Path p : contenu.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
