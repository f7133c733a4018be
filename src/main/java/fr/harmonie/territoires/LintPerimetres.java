package fr.harmonie.territoires;

import fr.harmonie.regles.Pack;
import fr.harmonie.regles.faits.Fr;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** La part de {@link LintPacks} qui regarde où s'appliquent les packs: sous quel parent, et sans se chevaucher. */
final class LintPerimetres {

    private LintPerimetres() {
    }

    /**
     * A pack sits under a less specific one, and where it is: a DDT of the Isère filed under Normandie (its parent
     * copied from a Norman pack), or under the socle directly, would give Grenoble a chain without the rules of
     * Auvergne-Rhône-Alpes, without a word. A DDT lies within its region, and the region whose perimeter holds a
     * pack's communes is in its chain (a délégataire's may skip the DDT, whose place it takes for its communes). A
     * délégataire shares communes with its parent, but may reach beyond it: 89 EPCI span several départements (the
     * Métropole du Grand Paris six, Aix-Marseille-Provence three), and the communes beyond can only follow one chain.
     */
    static void verifierParent(RegistrePacks registre, Pack p, String ou, List<String> erreurs) {
        String idParent = p.manifeste().parent();
        List<Pack> versions = registre.versionsParId().get(idParent);
        int niveau = RegistrePacks.NIVEAUX.indexOf(p.manifeste().niveau());
        if (versions == null || niveau < 0) {
            return; // an unknown parent or level is said by verifierManifeste
        }
        boolean delegataire = p.manifeste().niveau().equals("DELEGATAIRE");
        // A code no commune bears is said by verifierManifeste.
        TreeSet<String> connues = new TreeSet<>(registre.communes(p));
        connues.removeIf(c -> registre.geographie().commune(c) == null);
        if (!idParent.equals(RegistrePacks.NATIONAL)) {
            List<Pack> enMemeTemps = versions.stream().filter(v -> seRecouvrent(p, v)).toList();
            for (Pack v : enMemeTemps.isEmpty() ? List.of(versions.get(versions.size() - 1)) : enMemeTemps) {
                int niveauParent = RegistrePacks.NIVEAUX.indexOf(v.manifeste().niveau());
                if (niveauParent >= 0 && niveauParent <= niveau) {
                    erreurs.add(ou + "pack.yaml : parent « " + idParent + " » de niveau " + v.manifeste().niveau() + " : un pack de niveau "
                            + p.manifeste().niveau() + " se range sous un niveau moins précis (un délégataire sous une DDT ou"
                            + " une région, une DDT sous une région, une région sous le socle, parent: national)");
                    return;
                }
            }
            // With no version of the parent in force meanwhile, the chain skips that level (its trace says so).
            if (!enMemeTemps.isEmpty()) {
                Set<String> couvertes = new HashSet<>();
                enMemeTemps.forEach(v -> couvertes.addAll(registre.communes(v)));
                TreeSet<String> dehors = new TreeSet<>(connues);
                dehors.removeAll(couvertes);
                boolean aucuneEnCommun = dehors.size() == connues.size();
                if (!dehors.isEmpty() && (!delegataire || aucuneEnCommun)) {
                    erreurs.add(ou + "pack.yaml : " + (aucuneEnCommun ? "aucune commune du périmètre n'est"
                            : Fr.compte(dehors.size(), "commune du périmètre n'est pas", "communes du périmètre ne sont pas"))
                            + " dans celui du parent « " + idParent + " » (" + departements(registre, dehors)
                            + ") : elles y recevraient les règles de « " + idParent
                            + " », et non celles de leur territoire ; vérifier parent et périmètre");
                    return;
                }
            }
        }
        Set<String> chaine = new HashSet<>();
        for (String id = idParent; id != null && !id.equals(RegistrePacks.NATIONAL) && chaine.add(id); ) {
            List<Pack> v = registre.versionsParId().get(id);
            id = v == null ? null : v.get(v.size() - 1).manifeste().parent();
        }
        Map<String, TreeSet<String>> horsChaine = new TreeMap<>();
        for (String c : connues) {
            for (Pack q : registre.packsParCommune().getOrDefault(c, List.of())) {
                // Only a region: a délégataire's communes leave its DDT, whose rules are the délégataire's to set.
                if (q.manifeste().niveau().equals("REGION") && niveau < RegistrePacks.NIVEAUX.indexOf("REGION")
                        && !chaine.contains(q.id()) && seRecouvrent(p, q)) {
                    horsChaine.computeIfAbsent(q.id(), k -> new TreeSet<>()).add(c);
                }
            }
        }
        horsChaine.forEach((id, communes) -> {
            if (!delegataire || communes.size() == connues.size()) {
                erreurs.add(ou + "pack.yaml : " + Fr.compte(communes.size(), "commune", "communes") + " du périmètre ("
                        + departements(registre, communes) + (communes.size() > 1 ? ") sont" : ") est") + " dans celui de « "
                        + id + " », qui n'est pas dans sa chaîne"
                        + " (parent: " + idParent + ") : elles perdraient les règles de « " + id + " » ; le nommer en parent");
            }
        });
    }


    /** « département 38 », « départements 14, 27 » */
    private static String departements(RegistrePacks registre, Set<String> communes) {
        List<String> codes = communes.stream().map(c -> registre.geographie().commune(c).departement()).distinct()
                .sorted().toList();
        return (codes.size() > 1 ? "départements " : "département ") + String.join(", ", codes);
    }


    /**
     * Two packs of one level whose perimeters share communes while both in force. Read from the per-commune index rather
     * than by comparing every pair of packs' communes, which cost a third of a reload at France scale.
     */
    static void verifierChevauchements(RegistrePacks registre, List<String> erreurs) {
        List<Pack> tous = registre.versionsParId().values().stream().flatMap(List::stream)
                .filter(p -> !p.id().equals(RegistrePacks.NATIONAL)).toList();
        Map<Pack, Integer> rang = new IdentityHashMap<>();
        tous.forEach(p -> rang.put(p, rang.size()));
        // Per pair, in the order of the packs (so the messages come in the order they always had): communes shared.
        Map<List<Integer>, TreeSet<String>> paires = new TreeMap<>(Comparator.<List<Integer>>comparingInt(l -> l.get(0))
                .thenComparingInt(l -> l.get(1)));
        for (Map.Entry<String, List<Pack>> e : registre.packsParCommune().entrySet()) {
            List<Pack> packs = e.getValue();
            for (int i = 0; i < packs.size(); i++) {
                for (int j = i + 1; j < packs.size(); j++) {
                    Pack a = packs.get(i);
                    Pack b = packs.get(j);
                    if (a.id().equals(b.id()) || !a.manifeste().niveau().equals(b.manifeste().niveau()) || !seRecouvrent(a, b)) {
                        continue;
                    }
                    int ra = rang.get(a);
                    int rb = rang.get(b);
                    paires.computeIfAbsent(List.of(Math.min(ra, rb), Math.max(ra, rb)), k -> new TreeSet<>()).add(e.getKey());
                }
            }
        }
        paires.forEach((paire, communes) -> {
            Pack a = tous.get(paire.get(0));
            erreurs.add("pack " + a.reference() + " et pack " + tous.get(paire.get(1)).reference() + ", pack.yaml : périmètres qui se chevauchent au niveau "
                    + a.manifeste().niveau() + " (" + (communes.size() > 1 ? communes.size() + " communes, dont " : "la commune ")
                    + communes.first() + ")");
        });
    }


    private static boolean seRecouvrent(Pack a, Pack b) {
        LocalDate finA = a.manifeste().validUntil() == null ? LocalDate.MAX : a.manifeste().validUntil();
        LocalDate finB = b.manifeste().validUntil() == null ? LocalDate.MAX : b.manifeste().validUntil();
        return !a.manifeste().validFrom().isAfter(finB) && !b.manifeste().validFrom().isAfter(finA);
    }

}
