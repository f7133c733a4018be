package fr.harmonie.territoires;

import fr.harmonie.parametres.Parametre;
import fr.harmonie.parametres.ParametresDates;
import fr.harmonie.parametres.ValeurDatee;
import fr.harmonie.regles.ChaineCompilee;
import fr.harmonie.regles.Pack;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** La part de {@link LintPacks} qui regarde les paramètres qu'un pack surcharge. */
final class LintParametres {

    private static final List<String> DIMENSIONS = List.of("FONCIER", "URBANISME", "FINANCEMENT", "COMPLETUDE", "QUALITE");

    private LintParametres() {
    }

    /** Resserrer, jamais desserrer; repondérer la maturité à total constant. */
    static void verifier(RegistrePacks registre, Pack p, List<Pack> parents, String ou, List<String> erreurs) {
        for (Parametre t : p.parametres().propres().values()) {
            Parametre national = registre.national().parametres().propres().get(t.cle());
            if (national == null) {
                erreurs.add(ou + "parametres : « " + t.cle() + " » n'existe pas dans le socle");
                continue;
            }
            boolean poids = t.cle().startsWith("maturite.poids.");
            if (national.sens() == null && !poids) {
                erreurs.add(ou + "parametres : « " + t.cle() + " » ne peut pas être surchargé par un territoire");
                continue;
            }
            if (t.bornes() != null) {
                erreurs.add(ou + "parametres : « " + t.cle() + " » : les bornes d'un paramètre sont celles du socle ; un pack"
                        + " ne les déclare pas");
            }
            for (ValeurDatee v : t.valeurs()) {
                String horsBornes = national.bornes() == null ? null : national.bornes().ecart(v.valeur());
                if (horsBornes != null) {
                    // Tightened past sense, the rule would refuse every dossier: 60 typed for a share of 0.6.
                    erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " : " + horsBornes);
                }
                if (v.motif() == null || v.motif().isBlank()) {
                    erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " : surcharge sans motif");
                }
                if (p.manifeste().validUntil() != null && v.depuis().isAfter(p.manifeste().validUntil())) {
                    erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " ne s'appliquerait jamais (après la fin du pack)");
                }
                if (poids) {
                    if (v.valeur() < 0) {
                        // Its dossiers would lose points as they progress: the maturity must never go down then.
                        erreurs.add(ou + "parametres : « " + t.cle() + " » au " + v.depuis() + " : poids négatif (" + nombre(v.valeur())
                                + ") ; un dossier perdrait des points en progressant");
                    }
                    continue;
                }
                var parent = parents.isEmpty() ? null : ChaineCompilee.parametresDe(parents).valeur(t.cle(), v.depuis());
                if (parent != null && ("plafond".equals(national.sens()) ? v.valeur() > parent.valeur() : v.valeur() < parent.valeur())) {
                    erreurs.add(ou + "parametres : « " + t.cle() + " » desserré au " + v.depuis() + " (" + nombre(v.valeur())
                            + " au lieu de " + nombre(parent.valeur()) + ", " + national.sens() + ") : un territoire ne peut que resserrer"
                            + enPourcentage(v.valeur(), parent.valeur()));
                }
            }
        }
        if (p.parametres().propres().keySet().stream().anyMatch(k -> k.startsWith("maturite.poids."))) {
            verifierTotalDesPoids(p, ChaineCompilee.parametresDe(LintPacks.avec(parents, p)), ou, erreurs);
        }
    }

    /**
     * The socle's own weights make 100 too: a maturity score is read on 100 (levels at 50 and 80), and a territory that
     * re-weights keeps the total it was given. A socle at 95 would otherwise show only as failing maturity cases.
     */
    static void verifierPoidsDuSocle(Pack national, String ou, List<String> erreurs) {
        verifierTotalDesPoids(national, ChaineCompilee.parametresDe(List.of(national)), ou, erreurs);
    }

    /** At the pack's start and on each day one of its weights starts or stops: 100 on each day it serves. */
    private static void verifierTotalDesPoids(Pack p, ParametresDates chaine, String ou, List<String> erreurs) {
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(p.manifeste().validFrom()));
        p.parametres().propres().values().stream().filter(t -> t.cle().startsWith("maturite.poids."))
                .flatMap(t -> t.valeurs().stream())
                .flatMap(v -> v.jusqua() == null ? Stream.of(v.depuis()) : Stream.of(v.depuis(), v.jusqua().plusDays(1)))
                .filter(d -> d.isAfter(p.manifeste().validFrom())
                        && (p.manifeste().validUntil() == null || !d.isAfter(p.manifeste().validUntil())))
                .forEach(dates::add);
        for (LocalDate date : dates) {
            List<String> sansValeur = DIMENSIONS.stream().filter(d -> chaine.valeur("maturite.poids." + d, date) == null).toList();
            if (!sansValeur.isEmpty()) {
                erreurs.add(ou + "parametres : aucun poids de maturité pour " + String.join(", ", sansValeur) + " au " + date);
                break;
            }
            double total = DIMENSIONS.stream().mapToDouble(d -> chaine.valeur("maturite.poids." + d, date).valeur()).sum();
            if (Math.abs(total - 100) > 1e-9) {
                // Each weight with its value, and those this pack sets: the author sees which to change.
                List<String> poids = DIMENSIONS.stream().map(d -> d + " " + nombre(chaine.valeur("maturite.poids." + d, date).valeur())).toList();
                List<String> propres = DIMENSIONS.stream().filter(d -> p.parametres().propres().containsKey("maturite.poids." + d)).toList();
                erreurs.add(ou + "parametres : les poids de maturité font " + nombre(total) + " au lieu de 100"
                        + (date.equals(p.manifeste().validFrom()) ? "" : " à partir du " + date) + " : " + String.join(", ", poids)
                        + (propres.isEmpty() ? "" : " (fixés par ce pack : " + String.join(", ", propres) + ")"));
                break;
            }
        }
    }

    private static String nombre(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * 10 written for a cap of 0.15: a percentage typed where the parameter is a fraction (a marge locale). The value
     * meant is said when it would tighten the cap.
     */
    private static String enPourcentage(double valeur, double parent) {
        if (valeur <= 1 || parent > 1 || valeur / 100 > parent) {
            return "";
        }
        return " ; " + nombre(valeur) + " est-il un pourcentage ? ce paramètre s'écrit en fraction, de " + nombre(parent)
                + " au plus : " + nombre(valeur / 100) + " pour " + nombre(valeur) + " %";
    }
}
