package fr.harmonie.comptes;

import fr.harmonie.regles.faits.Fr;
import fr.harmonie.web.BaseIndisponible;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Freine qui devine un mot de passe: après {@value #ECHECS_MAX} échecs de suite pour un identifiant, il est refusé
 * (429) pendant {@link #PAUSE} sans que le mot de passe soit même comparé. Cela vaut pour un identifiant qui
 * n'existe pas: la réponse ne dit pas s'il existe. Le compte n'est pas bloqué pour autant: passée la pause, le bon
 * mot de passe suffit, et une réussite remet le compteur à zéro. Les échecs sont comptés en base: toutes les instances
 * sur la base les partagent, et un redémarrage ne les efface pas.
 */
@Component
class TentativesDeConnexion {

    private static final Logger LOG = LoggerFactory.getLogger(TentativesDeConnexion.class);

    static final int ECHECS_MAX = 10;
    static final Duration PAUSE = Duration.ofMinutes(15);

    /**
     * The identifier (as counted) whose request this thread is authenticating, when the filter has just read that it
     * had no failure: its success then needs no second look at the table, one query less for nearly every request in
     * HTTP Basic. A failure counted by another request in between stays until a later success, as {@link #reussite}
     * already allows.
     */
    private static final ThreadLocal<String> SANS_ECHEC = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final Clock horloge;

    TentativesDeConnexion(JdbcClient jdbc, Clock horloge) {
        this.jdbc = jdbc;
        this.horloge = horloge;
    }

    /**
     * Once the pause is over the count stays at its maximum: one more try, and a further failure pauses again. Times
     * come from the service's clock, as {@link #attente} reads them. A failure that cannot be counted (the base out of
     * reach, or read-only) is not answered 401: the request gets the 503 of {@link BaseIndisponible}, so that nobody
     * guesses past the limit meanwhile.
     */
    @EventListener
    void echec(AuthenticationFailureBadCredentialsEvent e) {
        Instant maintenant = horloge.instant();
        jdbc.sql("""
                INSERT INTO tentative_connexion AS t (cle, echecs, derniere, pause_jusqu_a) VALUES (:cle, 1, :maintenant, NULL)
                ON CONFLICT (cle) DO UPDATE SET echecs = t.echecs + 1, derniere = :maintenant,
                    pause_jusqu_a = CASE WHEN t.echecs + 1 >= :max THEN :jusqua END""")
                .param("cle", cle(e.getAuthentication().getName())).param("maintenant", OffsetDateTime.ofInstant(maintenant, ZoneOffset.UTC))
                .param("max", ECHECS_MAX).param("jusqua", OffsetDateTime.ofInstant(maintenant.plus(PAUSE), ZoneOffset.UTC))
                .update();
    }

    /**
     * Looked up before it is deleted: most successes have nothing to reset, and a base that takes no writes (read-only)
     * would refuse even the deletion of nothing, and with it every request of every account. Should an identifier with
     * failures succeed then, its count stays until a later success.
     */
    @EventListener
    void reussite(AuthenticationSuccessEvent e) {
        String cle = cle(e.getAuthentication().getName());
        if (cle.equals(SANS_ECHEC.get())) {
            return; // the filter has just read that this identifier had no failure counted
        }
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM tentative_connexion WHERE cle = ?)").param(cle).query(Boolean.class).single()) {
            return;
        }
        try {
            jdbc.sql("DELETE FROM tentative_connexion WHERE cle = ?").param(cle).update();
        } catch (DataAccessException refusee) {
            if (!BaseIndisponible.en(refusee)) {
                throw refusee;
            }
            LOG.warn("Échecs de connexion de {} non remis à zéro (base indisponible en écriture) : {}", e.getAuthentication().getName(),
                    refusee.getMostSpecificCause().getMessage());
        }
    }

    /** Les échecs comptés pour un identifiant, et la fin de sa pause (null s'il n'est pas en pause). */
    private record Echecs(OffsetDateTime pauseJusqua) { }

    private Optional<Echecs> echecs(String cle) {
        return jdbc.sql("SELECT pause_jusqu_a FROM tentative_connexion WHERE cle = ?").param(cle)
                .query((rs, n) -> new Echecs(rs.getObject(1, OffsetDateTime.class))).optional();
    }

    /** Le temps qu'il reste à attendre, ou null si l'identifiant peut essayer. */
    private Duration attente(Echecs echecs) {
        if (echecs == null || echecs.pauseJusqua() == null) {
            return null;
        }
        Duration reste = Duration.between(horloge.instant(), echecs.pauseJusqua().toInstant());
        return reste.isNegative() || reste.isZero() ? null : reste;
    }

    /**
     * Identifiers nobody has tried for a day and not paused: a flood of invented names does not fill the table, and
     * what is forgotten could no longer pause anyone.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void oublier() {
        OffsetDateTime maintenant = OffsetDateTime.ofInstant(horloge.instant(), ZoneOffset.UTC);
        jdbc.sql("DELETE FROM tentative_connexion WHERE derniere < :veille AND (pause_jusqu_a IS NULL OR pause_jusqu_a < :maintenant)")
                .param("veille", maintenant.minusDays(1)).param("maintenant", maintenant).update();
    }

    /**
     * What an identifier is counted under: whatever a client types (5 000 characters, U+0000), a key PostgreSQL indexes
     * and stores, and no identifier kept in clear for names that are no account. « Admin » logs in as admin, so it is
     * counted with it: otherwise each way of writing it would get its own ten tries.
     */
    private static String cle(String identifiant) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    ComptesStore.identifiantTape(identifiant).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Before HTTP Basic: a paused identifier costs no password comparison (bcrypt is slow on purpose). */
    OncePerRequestFilter filtre() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
                    throws ServletException, IOException {
                String identifiant = identifiantBasic(requete.getHeader("Authorization"));
                if (identifiant == null) {
                    suite.doFilter(requete, reponse);
                    return;
                }
                String cle = cle(identifiant);
                Optional<Echecs> echecs = echecs(cle);
                Duration reste = attente(echecs.orElse(null));
                if (reste != null) {
                    long minutes = Math.max(1, (reste.toSeconds() + 59) / 60);
                    reponse.setHeader("Retry-After", Long.toString(reste.toSeconds() + 1));
                    SecuriteConfiguration.probleme(reponse, 429, "Trop de tentatives",
                            "Trop de mots de passe erronés pour ce compte : réessayez dans "
                                    + Fr.compte(minutes, "minute", "minutes") + ".");
                    return;
                }
                if (echecs.isPresent()) {
                    suite.doFilter(requete, reponse);
                    return;
                }
                SANS_ECHEC.set(cle);
                try {
                    suite.doFilter(requete, reponse);
                } finally {
                    SANS_ECHEC.remove();
                }
            }
        };
    }

    private static String identifiantBasic(String autorisation) {
        if (autorisation == null || !autorisation.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decode = new String(Base64.getDecoder().decode(autorisation.substring(6).trim()), StandardCharsets.UTF_8);
            int deuxPoints = decode.indexOf(':');
            return deuxPoints < 0 ? null : decode.substring(0, deuxPoints);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
