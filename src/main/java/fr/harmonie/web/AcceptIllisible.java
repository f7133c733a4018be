package fr.harmonie.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An Accept header that cannot be read ({@code ;;;}, {@code text/html;q=abc}) made every address answer a bare 406 with
 * no body, not even the French problem: the negotiation of the error failed on the same header. RFC 9110 (§12.5.1) lets
 * a server disregard such a header, which is what the list of dossiers already did when choosing between JSON and CSV.
 * So every address now does alike: the media ranges that can be read are kept, and with none the request is served as
 * if it had named none (JSON).
 */
@Component
@Order(-125)
class AcceptIllisible extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest requete, HttpServletResponse reponse, FilterChain suite)
            throws ServletException, IOException {
        List<String> annonces = Collections.list(requete.getHeaders(HttpHeaders.ACCEPT));
        if (annonces.isEmpty() || lisibles(annonces)) {
            suite.doFilter(requete, reponse);
            return;
        }
        suite.doFilter(new SansLesIllisibles(requete, rangesLisibles(annonces)), reponse);
    }

    private static boolean lisibles(List<String> annonces) {
        try {
            MediaType.parseMediaTypes(annonces);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Each media range of the header that parses on its own, in the client's order: « application/json, ;;; » keeps JSON. */
    private static List<String> rangesLisibles(List<String> annonces) {
        List<String> gardees = new ArrayList<>();
        for (String annonce : annonces) {
            for (String range : MimeTypeUtils.tokenize(annonce)) {
                try {
                    MediaType.parseMediaType(range);
                    gardees.add(range.strip());
                } catch (InvalidMediaTypeException illisible) {
                    // dropped: the client asked for nothing this service could read there
                }
            }
        }
        return gardees;
    }

    private static final class SansLesIllisibles extends HttpServletRequestWrapper {

        private final List<String> accept;

        SansLesIllisibles(HttpServletRequest requete, List<String> ranges) {
            super(requete);
            this.accept = ranges.isEmpty() ? List.of() : List.of(String.join(", ", ranges));
        }

        private static boolean estAccept(String nom) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(nom);
        }

        @Override
        public String getHeader(String nom) {
            return estAccept(nom) ? (accept.isEmpty() ? null : accept.get(0)) : super.getHeader(nom);
        }

        @Override
        public Enumeration<String> getHeaders(String nom) {
            return estAccept(nom) ? Collections.enumeration(accept) : super.getHeaders(nom);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> noms = new ArrayList<>();
            for (String nom : Collections.list(super.getHeaderNames())) {
                if (!estAccept(nom) || !accept.isEmpty()) {
                    noms.add(nom);
                }
            }
            return Collections.enumeration(noms);
        }
    }
}
