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
            Path absolue = racine.toAbsolutePath().normalize();
            throw new PackInvalideException(absolue + " ne contient pas de dossier rules/ (le socle national) : packs introuvables"
                    + depotAuDessus(absolue));
        }
        Pack national = SocleNational.charger(racine == null ? null : racine.resolve("rules"));
        return new RegistrePacks(national, territoriaux(racine), geographie);
    }

    /**
     * Where the given folder lies inside a repository ({@code territories/} or one pack's folder, given for its
     * root): the root to give instead.
     */
    private static String depotAuDessus(Path dossier) {
        for (Path p = dossier.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("rules")) && Files.isDirectory(p.resolve("territories"))) {
                return " ; donner la racine du dépôt, qui contient rules/ et territories/ : " + p;
            }
        }
        return "";
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
            List<String> malRanges = new ArrayList<>();
            try (Stream<Path> manifestes = Files.walk(dossier, 3)) {
                for (Path m : (Iterable<Path>) manifestes.filter(p -> p.getFileName().toString().equals("pack.yaml")).sorted()::iterator) {
                    Pack pack = LecteurPack.lire(FichiersPack.depuisDossier(m.getParent()));
                    List<String> rangement = new ArrayList<>();
                    dossier.relativize(m.getParent()).forEach(partie -> rangement.add(partie.toString()));
                    verifierRangement(pack, rangement, malRanges);
                    packs.add(pack);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!malRanges.isEmpty()) {
                throw new PackInvalideException(String.join("\n", malRanges));
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

    /**
     * A version lives in {@code territories/<id>/<version>/}, and its pack.yaml says the same id and version. A new version
     * or a new pack is made by copying a folder: one whose pack.yaml kept the copied id or version would be a second
     * « region-84@2026.1 », reported as the published one changed, or under another pack's name. Said here with the
     * folder, which the pack's reference alone cannot tell apart from the one it was copied from. The jar's packs come
     * from the repository's folders, so this holds for them too.
     */
    private static void verifierRangement(Pack pack, List<String> rangement, List<String> malRanges) {
        String ou = "territories/" + String.join("/", rangement) + "/pack.yaml : ";
        if (rangement.size() != 2) {
            malRanges.add(ou + "un pack se range dans territories/<id>/<version>/ (ici « territories/" + pack.id() + "/"
                    + pack.manifeste().version() + "/ »)");
            return;
        }
        if (!rangement.get(0).equals(pack.id())) {
            malRanges.add(ou + "id « " + pack.id() + " », alors que le dossier du pack s'appelle « " + rangement.get(0)
                    + " » : écrire id: " + rangement.get(0) + " (un pack copié garde l'id de celui d'où il vient), ou"
                    + " renommer le dossier");
        }
        if (!rangement.get(1).equals(pack.manifeste().version())) {
            malRanges.add(ou + "version « " + pack.manifeste().version() + " », alors que le dossier de la version s'appelle « "
                    + rangement.get(1) + " » : écrire version: \"" + rangement.get(1) + "\" (une version copiée garde le"
                    + " numéro de celle d'où elle vient ; changer aussi validFrom), ou renommer le dossier");
        }
    }
}
