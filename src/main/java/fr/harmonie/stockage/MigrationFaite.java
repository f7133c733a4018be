package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Un répertoire de données dont la base a été copiée par {@code migrer} dans une base à soi. Le service refuse d'y
 * redémarrer: lancé sans SPRING_DATASOURCE_URL (une unité systemd ou un script resté tel quel), il aurait servi
 * l'ancienne base, et les dossiers écrits là n'auraient jamais atteint celle que tout le monde lit.
 */
final class MigrationFaite {

    /** Beside the lock, outside {@code postgres/}: a backup of the directory does not carry it. */
    static final String FICHIER = "harmonie-migree";

    private static final DateTimeFormatter QUAND = DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH:mm", Locale.FRANCE);

    private MigrationFaite() {
    }

    /** Marks {@code donnees} as copied into the base at {@code url} (shown without its parameters). */
    static void marquer(Path donnees, String url) throws IOException {
        Files.writeString(donnees.resolve(FICHIER), "Base copiée le "
                + OffsetDateTime.now(ZoneId.of("Europe/Paris")).format(QUAND) + " dans " + AdresseDeBase.sansParametres(url)
                + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @throws DonneesInutilisablesException when {@code donnees} was migrated: what was done, and how to start instead
     */
    static void refuserSiMigree(Path donnees) {
        Path marque = donnees.resolve(FICHIER);
        if (!Files.isRegularFile(marque)) {
            return;
        }
        String quoi;
        try {
            quoi = Files.readString(marque, StandardCharsets.UTF_8).strip();
        } catch (IOException illisible) {
            quoi = "Base copiée dans une base à vous";
        }
        throw new DonneesInutilisablesException("Les données de " + donnees + " ne servent plus : " + quoi
                + " (commande migrer). Démarré ici, le service écrirait dans l'ancienne base, que plus personne ne lit.",
                "Démarrer le service avec SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME et SPRING_DATASOURCE_PASSWORD de"
                        + " cette base-là ; ou, pour repartir malgré tout de la base embarquée, supprimer " + marque + ".",
                null);
    }
}
