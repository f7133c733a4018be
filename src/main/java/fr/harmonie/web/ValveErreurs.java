package fr.harmonie.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before Spring sees them (an encoded slash or a NUL in the path, a malformed request
 * line) and answers them with its own HTML page: here they get the same French problem+json as every other error.
 */
public final class ValveErreurs extends ErrorReportValve {

    @Override
    protected void report(Request requete, Response reponse, Throwable erreur) {
        int statut = reponse.getStatus();
        if (statut < 400 || reponse.getContentWritten() > 0 || !reponse.setErrorReported()) {
            return;
        }
        try {
            reponse.setContentType("application/problem+json");
            reponse.setCharacterEncoding("UTF-8");
            Writer sortie = reponse.getReporter();
            if (sortie != null) {
                // Fixed French texts, no request data: nothing here needs escaping.
                sortie.write("{\"title\":\"" + TitresHttp.titre(statut) + "\",\"status\":" + statut + ",\"detail\":\""
                        + TitresHttp.detail(statut) + "\"}");
                reponse.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response was committed meanwhile: nothing more to tell it.
        }
    }
}
