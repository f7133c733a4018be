package fr.harmonie.regles;

import fr.harmonie.catalogue.CataloguePieces;
import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.Lot;
import fr.harmonie.dossier.PieceDeclaree;
import fr.harmonie.dossier.Produit;
import fr.harmonie.regles.faits.Demande;
import fr.harmonie.regles.faits.LogementFait;
import fr.harmonie.regles.faits.LotFait;
import fr.harmonie.regles.faits.Parametres;
import fr.harmonie.regles.faits.PieceFait;
import fr.harmonie.regles.faits.RessourceFait;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Les faits d'entrée d'une évaluation, construits depuis le dossier (dont la date de référence est fixée). */
final class FaitsDossier {

    private FaitsDossier() {
    }

    static List<Object> de(Dossier dossier, ChaineCompilee chaine) {
        List<Object> faits = new ArrayList<>();
        faits.add(new Demande(dossier));
        faits.add(new Parametres(chaine.parametres(), dossier.dateReference()));
        List<Lot> lots = dossier.operation().lots();
        // The first lot of each produit and the first logement of each designation, for the rules on duplicates.
        Map<Produit, LotFait> premiersLots = new EnumMap<>(Produit.class);
        Map<String, LogementFait> premiersLogements = new HashMap<>();
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            LotFait lotFait = new LotFait(i, lot, premiersLots.get(lot.produit()));
            premiersLots.putIfAbsent(lot.produit(), lotFait);
            faits.add(lotFait);
            for (int j = 0; j < lot.logements().size(); j++) {
                Lot.Logement logement = lot.logements().get(j);
                LogementFait logementFait = new LogementFait(i, j, lot.produit(), logement, premiersLogements.get(logement.designation()));
                premiersLogements.putIfAbsent(logement.designation(), logementFait);
                faits.add(logementFait);
            }
        }
        if (dossier.operation().financement() != null) {
            var ressources = dossier.operation().financement().ressources();
            for (int i = 0; i < ressources.size(); i++) {
                faits.add(new RessourceFait(i, ressources.get(i)));
            }
        }
        CataloguePieces catalogue = chaine.catalogue();
        List<PieceDeclaree> pieces = dossier.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            String code = pieces.get(i).code();
            faits.add(new PieceFait(i, pieces.get(i), catalogue.connait(code), catalogue.codeProche(code)));
        }
        return faits;
    }
}
