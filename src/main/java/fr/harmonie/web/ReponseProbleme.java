package fr.harmonie.web;

import fr.harmonie.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** A problem+json answer written by a servlet filter, before any controller (and its exception handlers) is reached. */
public final class ReponseProbleme {

    private ReponseProbleme() {
    }

    public static void ecrire(HttpServletResponse reponse, int statut, String titre, String detail) throws IOException {
        reponse.setStatus(statut);
        reponse.setContentType("application/problem+json");
        Json.MAPPER.writeValue(reponse.getOutputStream(), Map.of("title", titre, "status", statut, "detail", detail));
    }
}
