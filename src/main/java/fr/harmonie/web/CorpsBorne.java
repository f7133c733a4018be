package fr.harmonie.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/** Lit un corps de requête sans jamais en garder plus que la limite en mémoire, déclarée ou non par Content-Length. */
public final class CorpsBorne {

    public static final int LIMITE = 2 * 1024 * 1024;

    private CorpsBorne() {
    }

    public static byte[] lire(HttpServletRequest requete) throws IOException {
        String codage = requete.getHeader("Content-Encoding");
        if (codage != null && !codage.isBlank() && !codage.strip().equalsIgnoreCase("identity")) {
            // Read as is, a compressed body would be reported as malformed JSON, which would mislead the client.
            throw new ProblemeHttpException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge",
                    "Le corps compressé (Content-Encoding: " + codage.strip() + ") n'est pas accepté : envoyez le JSON sans compression.");
        }
        if (requete.getContentLengthLong() > LIMITE) {
            throw new CorpsTropGrandException(LIMITE);
        }
        try (InputStream in = requete.getInputStream()) {
            ByteArrayOutputStream lu = new ByteArrayOutputStream(Math.max(1024, Math.min(LIMITE, requete.getContentLength())));
            byte[] tampon = new byte[16 * 1024];
            int n;
            while ((n = in.read(tampon)) >= 0) {
                if (lu.size() + n > LIMITE) {
                    throw new CorpsTropGrandException(LIMITE);
                }
                lu.write(tampon, 0, n);
            }
            return lu.toByteArray();
        }
    }
}
