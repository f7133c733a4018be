package fr.harmonie.territoires;

import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.json.DatesMalEcrites;
import fr.harmonie.regles.Pack;
import fr.harmonie.web.ProblemeHttpException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;

/**
 * La date à laquelle on lit les règles d'un territoire ou d'une commune: {@code date=AAAA-MM-JJ}, aujourd'hui à Paris
 * par défaut comme la date de référence d'un dossier, et jamais avant le socle national.
 */
final class JourDemande {

    private JourDemande() {
    }

    static LocalDate lire(String date, Clock horloge, Pack socle) {
        LocalDate jour = date == null ? Evaluateur.aujourdhui(horloge) : analyser(date);
        String sansRegles = Evaluateur.sansReglesAu(jour, socle);
        if (sansRegles != null) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Date hors des règles", sansRegles);
        }
        return jour;
    }

    /**
     * AAAA-MM-JJ, a year of four digits as the contract's dates: Java also reads « +300000-01-01 », and the rules of a
     * year no one meant were answered as if asked.
     */
    private static LocalDate analyser(String date) {
        LocalDate jour = DatesMalEcrites.jour(date);
        if (jour == null) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Date invalide",
                    "Paramètre date : " + DatesMalEcrites.pourquoi(date) + ".");
        }
        return jour;
    }
}
