package fr.harmonie.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter left empty ({@code ?reference=&date=}, as a form or a query builder sends its blank fields) is read
 * as absent, by every address alike: one filtered the dossiers on an empty reference (an empty list that read « no
 * dossier »), others refused it (400 « «  » n'est pas une date »), others ignored it. Only on GET and HEAD, whose
 * parameters are all in the query string: reading a POST's parameters could read its body.
 */
@Component
@Order(-120)
class ParametresVides extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        boolean lecture = "GET".equals(requete.getMethod()) || "HEAD".equals(requete.getMethod());
        if (!lecture || requete.getQueryString() == null) {
            suite.doFilter(requete, reponse);
            return;
        }
        Map<String, String[]> lus;
        try {
            lus = requete.getParameterMap();
        } catch (InvalidParameterException illisible) {
            // A query string Tomcat cannot decode (?date=%ZZ). Said here: once its parse has failed, Tomcat answers the
            // next reading with no parameter at all, and the address would serve its default (today) instead.
            ProblemDetail probleme = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ProblemesHttp.PARAMETRE_MAL_ENCODE);
            probleme.setTitle(TitresHttp.titre(400));
            try {
                probleme.setInstance(URI.create(requete.getRequestURI()));
            } catch (IllegalArgumentException adresseIllisible) {
                // the problem is said without its address
            }
            ReponseProbleme.ecrire(reponse, probleme);
            return;
        }
        Map<String, String[]> renseignes = new LinkedHashMap<>();
        boolean vide = false;
        for (Map.Entry<String, String[]> p : lus.entrySet()) {
            String[] valeurs = Arrays.stream(p.getValue()).filter(v -> !v.isBlank()).toArray(String[]::new);
            vide |= valeurs.length < p.getValue().length;
            if (valeurs.length > 0) {
                renseignes.put(p.getKey(), valeurs);
            }
        }
        suite.doFilter(vide ? new SansLesVides(requete, Collections.unmodifiableMap(renseignes)) : requete, reponse);
    }

    private static final class SansLesVides extends HttpServletRequestWrapper {

        private final Map<String, String[]> parametres;

        SansLesVides(HttpServletRequest requete, Map<String, String[]> parametres) {
            super(requete);
            this.parametres = parametres;
        }

        @Override
        public String getParameter(String nom) {
            String[] valeurs = parametres.get(nom);
            return valeurs == null ? null : valeurs[0];
        }

        @Override
        public String[] getParameterValues(String nom) {
            String[] valeurs = parametres.get(nom);
            return valeurs == null ? null : valeurs.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parametres;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parametres.keySet());
        }
    }
}
