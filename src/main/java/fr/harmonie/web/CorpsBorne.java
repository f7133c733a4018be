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
        try (InputStream in = requete.getInputStream()) {
            return lire(in, requete.getContentLengthLong());
        }
    }

    /**
     * {@code in} whole, at most {@value #LIMITE} bytes: the API's bodies, and the files and standard input of the
     * command line, which must not take a 300 MB file for a dossier and run out of memory reading it.
     * {@code declare}: the size announced (Content-Length, the file's), or -1.
     *
     * @throws CorpsTropGrandException beyond the limit, announced or read
     */
    public static byte[] lire(InputStream in, long declare) throws IOException {
        if (declare > LIMITE) {
            throw new CorpsTropGrandException(LIMITE);
        }
        ByteArrayOutputStream lu = new ByteArrayOutputStream((int) Math.max(1024, Math.min(LIMITE, declare)));
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
