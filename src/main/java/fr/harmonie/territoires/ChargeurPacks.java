package fr.harmonie.territoires;

import fr.harmonie.regles.CompilateurRegles;
import fr.harmonie.regles.FichiersPack;
import fr.harmonie.regles.LecteurPack;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.regles.SocleNational;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Charge le socle ({@code rules/}) et les packs territoriaux ({@code territories/<id>/<version>/}), depuis les dossiers
 * du dépôt quand ils sont là (développement), sinon depuis le jar.
 */
public final class ChargeurPacks {

    public static final String RESSOURCE_TERRITOIRES = "harmonie/territories";

    private ChargeurPacks() {
    }

    /** {@code racine}: le dossier qui contient {@code rules/} et {@code territories/}, ou null pour le jar. */
    public static RegistrePacks charger(Path racine, Geographie geographie) {
        if (racine != null && !Files.isDirectory(racine.resolve("rules"))) {
            // A mistyped path must not fall back on the jar's packs, which the service would then serve unnoticed.
            throw new PackInvalideException(racine.toAbsolutePath().normalize()
                    + " ne contient pas de dossier rules/ (le socle national) : packs introuvables");
        }
        Pack national = SocleNational.charger(racine == null ? null : racine.resolve("rules"));
        return new RegistrePacks(national, territoriaux(racine), geographie);
    }

    /**
     * Les packs du jar pour une commande qui évalue un dossier et s'arrête: leurs règles ne sont pas compilées une
     * fois de plus pour la vérification, que le build a déjà faite sur ces mêmes fichiers; seule la chaîne du dossier
     * l'est. Les autres contrôles (manifestes, surcharges, périmètres) s'appliquent comme au démarrage du service.
     */
    public static RegistrePacks chargerDuJar(Geographie geographie) {
        return new RegistrePacks(SocleNational.charger(null), territoriaux(null), geographie, CompilateurRegles::compiler, false);
    }

    static List<Pack> territoriaux(Path racine) {
        List<Pack> packs = new ArrayList<>();
        if (racine != null) {
            // A given directory is the whole set: without territories/ it has none, rather than the jar's.
            Path dossier = racine.resolve("territories");
            if (!Files.isDirectory(dossier)) {
                return packs;
            }
            try (Stream<Path> manifestes = Files.walk(dossier, 3)) {
                for (Path m : (Iterable<Path>) manifestes.filter(p -> p.getFileName().toString().equals("pack.yaml")).sorted()::iterator) {
                    packs.add(LecteurPack.lire(FichiersPack.depuisDossier(m.getParent())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return packs;
        }
        try {
            for (Resource r : new PathMatchingResourcePatternResolver(ChargeurPacks.class.getClassLoader())
                    .getResources("classpath*:" + RESSOURCE_TERRITOIRES + "/*/*/pack.yaml")) {
                String url = r.getURL().toString();
                int i = url.indexOf(RESSOURCE_TERRITOIRES + "/");
                String prefixe = url.substring(i, url.length() - "/pack.yaml".length());
                packs.add(LecteurPack.lire(FichiersPack.depuisClasspath(prefixe)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packs;
    }
}
