package fr.harmonie.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query parameter that the endpoint does not know is refused (400), as an unknown field of a body is: a client that
 * asked {@code /api/v1/dossiers?statuts=DEPOSE} received every dossier, unfiltered, and took it for the filter's answer.
 * Only Harmonie's own endpoints are concerned (not Swagger UI's nor the actuator's), and only the request itself (an
 * error page forwarded from it keeps its parameters).
 */
@Configuration(proxyBeanMethods = false)
class ParametresInconnus implements WebMvcConfigurer, HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NOMS = new DefaultParameterNameDiscoverer();
    /** The addresses that read a dossier in their body (to evaluate, create or replace it). */
    private static final Pattern LIT_UN_DOSSIER = Pattern.compile("/api/v1/(evaluations|dossiers(/[^/]+)?)");
    /** The dossier contract's top-level properties a client may take for options of the call. */
    private static final Set<String> PROPRIETES_DU_DOSSIER = Set.of("dateReference", "phase", "territoire", "reference");

    private final Map<Method, Set<String>> connus = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registre) {
        registre.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest requete, HttpServletResponse reponse, Object gestionnaire) {
        if (requete.getDispatcherType() != DispatcherType.REQUEST || !(gestionnaire instanceof HandlerMethod methode)
                || !methode.getBeanType().getPackageName().startsWith("fr.harmonie")) {
            return true;
        }
        Set<String> attendus = connus.computeIfAbsent(methode.getMethod(), m -> parametres(methode));
        for (String nom : requete.getParameterMap().keySet()) {
            if (!attendus.contains(nom)) {
                throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Paramètre inconnu", "Paramètre « " + nom
                        + " » inconnu de cette adresse" + (attendus.isEmpty() ? ", qui n'en prend aucun"
                        : " (attendus : " + String.join(", ", attendus) + ")") + dansLeDossier(requete, nom) + ".");
            }
        }
        return true;
    }

    /**
     * « ?dateReference=2026-01-15 » (or « ?date= », as the CLI's --date) on an address that reads a dossier: what it
     * meant is written in the dossier itself, which the evaluation reads whole.
     */
    private static String dansLeDossier(HttpServletRequest requete, String nom) {
        String propriete = nom.equals("date") ? "dateReference" : nom;
        boolean litUnDossier = (requete.getMethod().equals("POST") || requete.getMethod().equals("PUT"))
                && LIT_UN_DOSSIER.matcher(requete.getRequestURI()).matches();
        return litUnDossier && PROPRIETES_DU_DOSSIER.contains(propriete)
                ? " ; « " + propriete + " » s'écrit dans le dossier envoyé (le corps, au format 1)" : "";
    }

    /** The names of the method's query parameters, as a client writes them. */
    private static Set<String> parametres(HandlerMethod methode) {
        Set<String> noms = new TreeSet<>();
        for (MethodParameter p : methode.getMethodParameters()) {
            RequestParam r = p.getParameterAnnotation(RequestParam.class);
            if (r != null) {
                p.initParameterNameDiscovery(NOMS);
                noms.add(!r.name().isEmpty() ? r.name() : !r.value().isEmpty() ? r.value() : p.getParameterName());
            }
        }
        return noms;
    }
}
