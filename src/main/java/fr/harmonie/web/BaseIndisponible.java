package fr.harmonie.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * PostgreSQL out of reach: stopped, restarting, refusing connections, or every connection of the pool taken for longer than a request
 * waits for one. A request that needs it is not the client's fault and not a defect of Harmonie either: it gets 503 with
 * Retry-After and a French problem, instead of a 500 after half a minute. The pool reconnects by itself once the base
 * answers again, so the service needs no restart; the evaluation without account never touches the base and keeps
 * answering meanwhile.
 */
public final class BaseIndisponible {

    private static final Logger LOG = LoggerFactory.getLogger(BaseIndisponible.class);

    public static final long REESSAYER_DANS_SECONDES = 15;
    static final URI TYPE = URI.create("urn:harmonie:probleme:base-indisponible");
    static final String TITRE = "Base de données indisponible";
    static final String DETAIL = "La base de données de Harmonie ne répond pas pour l'instant : la requête n'a pas été traitée. "
            + "Réessayez dans quelques instants (l'évaluation sans compte, POST /api/v1/evaluations, reste disponible).";
    static final String DETAIL_LECTURE_SEULE = "La base de données de Harmonie n'accepte aucune écriture pour l'instant "
            + "(lecture seule) : la requête n'a pas été traitée, rien n'a été enregistré. Réessayez dans quelques instants ; "
            + "les consultations restent possibles.";
    /** A server in recovery, a standby after a failover, or a base its host set read-only (quota): writes only fail. */
    private static final String LECTURE_SEULE = "25006";

    private BaseIndisponible() {
    }

    /**
     * Whether {@code e} comes from the base being out of reach, whatever wrapped it (a filter's ServletException, a
     * transaction that could not begin): the pool found no connection, or the server refused or dropped it. SQL states
     * of class 08 are connection failures, 57P an administrator or a crash shutting the server down or starting it up,
     * 53 the server out of resources (disk full, too many connections), 25006 a server that takes no writes.
     */
    public static boolean en(Throwable e) {
        return parmiLesCauses(e, c -> c instanceof CannotGetJdbcConnectionException || c instanceof SQLTransientConnectionException
                || c instanceof SQLNonTransientConnectionException
                || c instanceof SQLException s && s.getSQLState() != null
                   && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P") || s.getSQLState().startsWith("53")
                       || s.getSQLState().equals(LECTURE_SEULE)));
    }

    private static boolean parmiLesCauses(Throwable e, Predicate<Throwable> critere) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (critere.test(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers 503 from a servlet filter or an entry point, before any controller: the body is a controller's problem,
     * with its instance.
     */
    public static void repondre(HttpServletRequest requete, HttpServletResponse reponse, Throwable e) throws IOException {
        ProblemDetail p = probleme(e, requete.getMethod(), requete.getRequestURI());
        p.setInstance(URI.create(requete.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "_")));
        reponse.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(REESSAYER_DANS_SECONDES));
        ReponseProbleme.ecrire(reponse, p);
    }

    /** The problem to answer, and one line in the log (no stack trace: the cause is outside the code). */
    static ProblemDetail probleme(Throwable e, String methode, String chemin) {
        boolean lectureSeule = lectureSeule(e);
        LOG.error("Base de données {}, {} {} refusée (503) : {}", etat(e, lectureSeule), methode, chemin, cause(e));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, lectureSeule ? DETAIL_LECTURE_SEULE : DETAIL);
        p.setType(TYPE);
        p.setTitle(TITRE);
        return p;
    }

    /** For the operator: what the base lacks. A full disk is not a server out of reach, and is not fixed the same way. */
    private static String etat(Throwable e, boolean lectureSeule) {
        if (lectureSeule) {
            return "en lecture seule";
        }
        if (parmiLesCauses(e, c -> c instanceof SQLException s && "53100".equals(s.getSQLState()))) {
            return "sans place sur son disque";
        }
        if (parmiLesCauses(e, c -> c instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("53"))) {
            return "à court de ressources";
        }
        return "injoignable";
    }

    /** Whether {@code e} comes from a server that takes no writes (SQL state 25006), whatever wrapped it. */
    public static boolean lectureSeule(Throwable e) {
        return parmiLesCauses(e, c -> c instanceof SQLException s && LECTURE_SEULE.equals(s.getSQLState()));
    }

    private static String cause(Throwable e) {
        Throwable racine = e;
        while (racine.getCause() != null && racine.getCause() != racine) {
            racine = racine.getCause();
        }
        return racine.getClass().getSimpleName() + " : " + racine.getMessage();
    }
}
