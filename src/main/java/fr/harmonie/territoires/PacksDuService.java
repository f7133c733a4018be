package fr.harmonie.territoires;

import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packs a service serves, held to {@code territories/versions.lock} as the build holds the repository: a
 * published version whose files changed since is refused (the service would seal receipts on content nobody
 * published, and once it holds that content it keeps it). A version not yet published is served, for whoever tries
 * a draft, and the log says so: once served it cannot change on this service.
 */
public final class PacksDuService {

    private static final Logger LOG = LoggerFactory.getLogger(PacksDuService.class);

    private PacksDuService() {
    }

    /** {@code racine} null: the jar's packs, which the build checked against the jar's own file. */
    public static RegistrePacks charger(Path racine, Geographie geographie) {
        RegistrePacks registre = ChargeurPacks.charger(racine, geographie);
        if (racine == null) {
            return registre;
        }
        VersionsPubliees publiees;
        try {
            publiees = VersionsPubliees.de(racine);
        } catch (VersionsPubliees.VerrouIllisibleException e) {
            throw new PackInvalideException(e.getMessage());
        }
        List<String> changees = new ArrayList<>();
        List<String> brouillons = new ArrayList<>();
        for (List<Pack> versions : registre.packs()) {
            for (Pack p : versions) {
                String ecart = publiees.ecart(p);
                if (ecart != null) {
                    changees.add(ecart);
                } else if (!publiees.publiee(p)) {
                    brouillons.add(p.reference());
                }
            }
        }
        if (!changees.isEmpty()) {
            throw new PackInvalideException(String.join("\n", changees));
        }
        if (!brouillons.isEmpty()) {
            LOG.warn("Versions servies sans être publiées (absentes de {}) : {}. Une fois servie, une version ne change "
                    + "plus sur ce service ; essayer un brouillon avec la commande evaluer --packs, ou sur un service aux "
                    + "données éphémères.", VersionsPubliees.FICHIER, String.join(", ", brouillons));
        }
        return registre;
    }
}
