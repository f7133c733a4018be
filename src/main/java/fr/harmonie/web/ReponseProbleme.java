package fr.harmonie.web;

import fr.harmonie.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A problem+json answer written by a servlet filter, before any controller (and its exception handlers) is reached. */
public final class ReponseProbleme {

    private ReponseProbleme() {
    }

    public static void ecrire(HttpServletResponse reponse, int statut, String titre, String detail) throws IOException {
        ProblemDetail probleme = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(statut), detail);
        probleme.setTitle(titre);
        ecrire(reponse, probleme);
    }

    /** A problem built as a controller's would be, with its type and instance. */
    public static void ecrire(HttpServletResponse reponse, ProblemDetail probleme) throws IOException {
        Map<String, Object> corps = new LinkedHashMap<>();
        if (probleme.getType() != null && !"about:blank".equals(probleme.getType().toString())) {
            corps.put("type", probleme.getType().toString());
        }
        corps.put("title", probleme.getTitle());
        corps.put("status", probleme.getStatus());
        corps.put("detail", probleme.getDetail());
        if (probleme.getInstance() != null) {
            corps.put("instance", probleme.getInstance().toString());
        }
        reponse.setStatus(probleme.getStatus());
        reponse.setContentType("application/problem+json");
        Json.MAPPER.writeValue(reponse.getOutputStream(), corps);
    }
}
