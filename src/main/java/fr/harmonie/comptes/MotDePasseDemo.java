package fr.harmonie.comptes;

import java.util.List;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Le mot de passe {@code demo} que donne le README, et les comptes de démonstration que le mode embarqué crée avec.
 * Le service ne les ouvre que sur cette machine; une base à soi n'en a pas et le service y écoute sur le réseau: quand
 * les données d'un PostgreSQL embarqué passent dans une telle base (commande {@code migrer}), ceux qui gardent ce mot
 * de passe ne doivent pas y arriver ouverts.
 */
public final class MotDePasseDemo {

    public static final String MOT_DE_PASSE = "demo";

    /** Every account {@link ComptesDemonstration} creates; a test fails when one is added there and not here. */
    public static final List<String> IDENTIFIANTS = List.of("admin", "bailleur", "bailleur2", "dreal", "dreal28",
            "instructeur", "instructeur-socle", "instructeur28", "instructeur38");

    private static final PasswordEncoder ENCODEUR = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private MotDePasseDemo() {
    }

    /** Whether the password kept as {@code empreinte} (as the {@code compte} table holds it) is still {@code demo}. */
    public static boolean inchange(String empreinte) {
        try {
            return empreinte != null && ENCODEUR.matches(MOT_DE_PASSE, empreinte);
        } catch (IllegalArgumentException sansAlgorithmeConnu) {
            return false; // not a hash this service wrote: it does not let « demo » in either
        }
    }
}
