package fr.harmonie.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.harmonie.HorlogeReglable;
import fr.harmonie.territoires.Geographie;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

/** A service started in the December rush tells its operator, in the first minutes of 1 January, that the geography is behind. */
class AvisDuMillesimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void unServiceDemarreEnDecembreLeDitDesLePremierJanvier() throws Exception {
        HorlogeReglable horloge = new HorlogeReglable();
        AvisDuMillesime avis = new AvisDuMillesime(Geographie.chargerEmbarquee(), horloge);
        Logger journal = (Logger) LoggerFactory.getLogger(AvisDuMillesime.class);
        ListAppender<ILoggingEvent> lignes = new ListAppender<>();
        lignes.start();
        journal.addAppender(lignes);
        try {
            horloge.regler(ZonedDateTime.of(2026, 12, 31, 23, 59, 0, 0, PARIS).toInstant());
            avis.verifier();
            assertThat(lignes.list).isEmpty();

            // The check that runs just after midnight in Paris, when the service has been up since December.
            var methode = AvisDuMillesime.class.getDeclaredMethod("verifier");
            assertThat(methode.getAnnotation(EventListener.class).value()).containsExactly(ApplicationReadyEvent.class);
            Scheduled chaqueJour = methode.getAnnotation(Scheduled.class);
            ZonedDateTime prochaine = CronExpression.parse(chaqueJour.cron())
                    .next(ZonedDateTime.of(2026, 12, 31, 23, 59, 0, 0, ZoneId.of(chaqueJour.zone())));
            assertThat(prochaine.withZoneSameInstant(PARIS)).isBetween(
                    ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, PARIS), ZonedDateTime.of(2027, 1, 1, 0, 10, 0, 0, PARIS));

            horloge.regler(prochaine.toInstant());
            avis.verifier();
            String dit = "Géographie @etalab/decoupage-administratif@6.0.0 : ce découpage est celui du 1er janvier"
                    + " 2026 : une commune créée depuis (commune nouvelle du 1er janvier 2027, par exemple) n'y figure pas"
                    + " encore ; régénérer src/main/resources/geo/ avec scripts/geographie.sh dès que le millésime 2027 est publié";
            assertThat(lignes.list).singleElement().satisfies(l -> {
                assertThat(l.getLevel()).isEqualTo(Level.WARN);
                assertThat(l.getFormattedMessage()).isEqualTo(dit);
            });
        } finally {
            journal.detachAppender(lignes);
        }
    }
}
