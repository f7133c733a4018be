package fr.harmonie.stockage;

/** A JDBC URL as a start report shows it: without its parameters, where a password may sit. */
final class AdresseDeBase {

    private AdresseDeBase() {
    }

    /** {@code jdbc:postgresql://hote:5432/harmonie?password=…} → {@code jdbc:postgresql://hote:5432/harmonie}. */
    static String sansParametres(String url) {
        return url.replaceFirst("\\?.*$", "");
    }

    /** {@code jdbc:postgresql://hote:5432/harmonie?…} → {@code harmonie}. */
    static String nomDeLaBase(String url) {
        String sans = sansParametres(url);
        return sans.substring(sans.lastIndexOf('/') + 1);
    }
}
