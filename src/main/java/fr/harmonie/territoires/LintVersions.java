package fr.harmonie.territoires;

import fr.harmonie.regles.NumerosDeVersion;
import fr.harmonie.regles.Pack;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** La part de {@link LintPacks} qui regarde les versions d'un pack entre elles: une date d'effet chacune, dans l'ordre. */
final class LintVersions {

    private LintVersions() {
    }

    /**
     * {@code parDateDEffet}: the versions of one pack, by validFrom. Two cannot start the same day. And a later version
     * starts later: 2027.1 dated 2017-01-01 (a slip of one digit) would be taken over at once by 2025.1 and 2026.1, and
     * judge no dossier of 2027, while its own cases, dated 2027, pass. Compared only where both versions are numbers
     * ("2026.1"), the way every pack names them.
     */
    static void verifier(List<Pack> parDateDEffet, List<String> erreurs) {
        Set<LocalDate> dates = new HashSet<>();
        for (Pack p : parDateDEffet) {
            if (!dates.add(p.manifeste().validFrom())) {
                erreurs.add("pack " + p.reference() + ", pack.yaml : deux versions de « " + p.id() + " » commencent le "
                        + p.manifeste().validFrom());
            }
        }
        for (int i = 1; i < parDateDEffet.size(); i++) {
            Pack avant = parDateDEffet.get(i - 1);
            Pack apres = parDateDEffet.get(i);
            List<Integer> a = NumerosDeVersion.lire(avant.manifeste().version());
            List<Integer> b = NumerosDeVersion.lire(apres.manifeste().version());
            if (a != null && b != null && NumerosDeVersion.comparer(a, b) > 0) {
                erreurs.add("pack " + avant.reference() + ", pack.yaml : la version " + avant.manifeste().version() + " commence le "
                        + avant.manifeste().validFrom() + ", avant la version " + apres.manifeste().version() + " ("
                        + apres.manifeste().validFrom() + ") : une version plus récente commence plus tard ; vérifier validFrom");
            }
        }
    }
}
