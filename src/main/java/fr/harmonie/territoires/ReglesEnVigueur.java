package fr.harmonie.territoires;

import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.parametres.Parametre;
import fr.harmonie.parametres.ValeurDatee;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.Etape;
import fr.harmonie.regles.Origine;
import fr.harmonie.regles.Pack;
import fr.harmonie.regles.RegleCompilee;
import fr.harmonie.regles.Surcharges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Ce qu'un territoire applique à une date, lisible par un instructeur, un bailleur ou une DREAL: la chaîne de packs
 * avec les surcharges déclarées de chacun, chaque règle avec sa source, et chaque paramètre avec la valeur en vigueur,
 * le pack qui la fixe et sa source. Rien n'est calculé ici que l'évaluation ne calcule pas de la même façon.
 */
public record ReglesEnVigueur(String territoire, LocalDate date, List<String> notes, List<PackVu> chaine, List<RegleVue> regles,
                       List<ParametreVu> parametres) {

    public record PackVu(String id, String libelle, String niveau, String parent, String version, LocalDate validFrom,
                  LocalDate validUntil, String empreinte, List<String> sources, Surcharges surcharges,
                  List<EntreeCatalogue> catalogue) { }

    public record RegleVue(String id, String nom, String etape, String pack, String reference, boolean derogeable, String piece,
                    String anomalie) { }

    /**
     * {@code valeur}: an integer as such (10 years, 25 points), a fraction as a decimal (0.15); null when no value is
     * in force at the date, and {@code nonVerifiable} then says so to whoever reads the list.
     */
    public record ParametreVu(String cle, String libelle, Number valeur, LocalDate depuis, LocalDate jusqua, String reference,
                       String motif, String pack, String nonVerifiable) {

        static ParametreVu sansValeur(String cle, String libelle, LocalDate date) {
            return new ParametreVu(cle, libelle, null, null, null, null, null, null, "Aucune valeur sourcée n'est en vigueur le "
                    + date + " : le contrôle qui la lit dit « non vérifiable », et le service instructeur vérifie lui-même.");
        }

        static Number lisible(double valeur) {
            return valeur == Math.rint(valeur) && Math.abs(valeur) < 1e15 ? (Number) (long) valeur : (Number) valeur;
        }
    }

    public static ReglesEnVigueur de(String territoire, LocalDate date, RegistrePacks.ChaineEnVigueur enVigueur) {
        ChaineCompilee chaine = enVigueur.chaine();
        List<PackVu> packs = chaine.packs().stream().map(p -> new PackVu(p.id(), p.manifeste().libelle(), p.manifeste().niveau(),
                p.manifeste().parent(), p.manifeste().version(), p.manifeste().validFrom(), p.manifeste().validUntil(),
                p.empreinte(), p.manifeste().sources(), p.surcharges(), p.catalogue().entrees())).toList();
        List<RegleVue> regles = chaine.regles().values().stream()
                .sorted(Comparator.comparingInt(RegleCompilee::rangPack).thenComparing(RegleCompilee::etape,
                        Comparator.nullsLast(Comparator.<Etape>naturalOrder())).thenComparing(RegleCompilee::id))
                .map(r -> new RegleVue(r.id(), r.nom(), r.etape() == null ? null : r.etape().groupe(), r.origine().pack(),
                        r.origine().reference(), r.derogeable(), r.piece(), r.anomalie()))
                .toList();
        return new ReglesEnVigueur(territoire, date, enVigueur.notes().stream().map(Origine::reference).toList(), packs, regles,
                parametres(chaine, date));
    }

    /**
     * Each key of the chain with the value the rules read ({@code ParametresDates.valeur}, the same object), and the
     * pack whose file holds that value.
     */
    private static List<ParametreVu> parametres(ChaineCompilee chaine, LocalDate date) {
        TreeSet<String> cles = new TreeSet<>();
        chaine.packs().forEach(p -> cles.addAll(p.parametres().propres().keySet()));
        List<ParametreVu> vus = new ArrayList<>();
        for (String cle : cles) {
            ValeurDatee v = chaine.parametres().valeur(cle, date);
            String libelle = null;
            String pack = null;
            for (Pack p : chaine.packs()) {
                Parametre parametre = p.parametres().propres().get(cle);
                if (parametre != null) {
                    libelle = parametre.libelle();
                    if (parametre.valeurs().stream().anyMatch(x -> x == v)) {
                        pack = p.reference();
                    }
                }
            }
            vus.add(v == null ? ParametreVu.sansValeur(cle, libelle, date)
                    : new ParametreVu(cle, libelle, ParametreVu.lisible(v.valeur()), v.depuis(), v.jusqua(), v.reference(), v.motif(),
                    pack, null));
        }
        return vus;
    }
}
