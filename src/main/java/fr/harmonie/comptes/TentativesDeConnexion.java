package fr.harmonie.comptes;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Freine qui devine un mot de passe: après {@value #ECHECS_MAX} échecs de suite pour un identifiant, il est refusé
 * (429) pendant {@link #PAUSE} sans que le mot de passe soit même comparé. Cela vaut pour un identifiant qui
 * n'existe pas: la réponse ne dit pas s'il existe. Le compte n'est pas bloqué pour autant: passée la pause, le bon
 * mot de passe suffit, et une réussite remet le compteur à zéro. Chaque instance compte ses propres échecs.
 */
@Component
class TentativesDeConnexion {

    static final int ECHECS_MAX = 10;
    static final Duration PAUSE = Duration.ofMinutes(15);
    /** Beyond this many identifiers followed, the oldest entries go: a flood of invented names cannot fill the heap. */
    private static final int SUIVIS_MAX = 100_000;

    private record Etat(int echecs, Instant jusquA) { }

    private final Map<String, Etat> parIdentifiant = new ConcurrentHashMap<>();
    private final Clock horloge;

    TentativesDeConnexion(Clock horloge) {
        this.horloge = horloge;
    }

    @EventListener
    void echec(AuthenticationFailureBadCredentialsEvent e) {
        if (parIdentifiant.size() >= SUIVIS_MAX) {
            parIdentifiant.clear();
        }
        parIdentifiant.compute(e.getAuthentication().getName(), (id, avant) -> {
            int echecs = (avant == null ? 0 : avant.echecs()) + 1;
            return new Etat(echecs, echecs >= ECHECS_MAX ? horloge.instant().plus(PAUSE) : null);
        });
    }

    @EventListener
    void reussite(AuthenticationSuccessEvent e) {
        parIdentifiant.remove(e.getAuthentication().getName());
    }

    /** Le temps qu'il reste à attendre, ou null si l'identifiant peut essayer. */
    Duration attente(String identifiant) {
        Etat etat = parIdentifiant.get(identifiant);
        if (etat == null || etat.jusquA() == null) {
            return null;
        }
        Duration reste = Duration.between(horloge.instant(), etat.jusquA());
        if (reste.isNegative() || reste.isZero()) {
            // The pause is over: one more try, and a further failure pauses again.
            parIdentifiant.computeIfPresent(identifiant, (id, e) -> new Etat(ECHECS_MAX - 1, null));
            return null;
        }
        return reste;
    }

    /** Before HTTP Basic: a paused identifier costs no password comparison (bcrypt is slow on purpose). */
    OncePerRequestFilter filtre() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
                    throws ServletException, IOException {
                String identifiant = identifiantBasic(requete.getHeader("Authorization"));
                Duration reste = identifiant == null ? null : attente(identifiant);
                if (reste != null) {
                    long minutes = Math.max(1, (reste.toSeconds() + 59) / 60);
                    reponse.setHeader("Retry-After", Long.toString(reste.toSeconds() + 1));
                    SecuriteConfiguration.probleme(reponse, 429, "Trop de tentatives",
                            "Trop de mots de passe erronés pour ce compte : réessayez dans " + minutes + " minute(s).");
                    return;
                }
                suite.doFilter(requete, reponse);
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
