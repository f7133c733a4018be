package fr.harmonie.regles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Les fichiers d'un pack, par chemin relatif à sa racine, lus une fois: le contenu ne bouge plus ensuite. */
public record FichiersPack(String origine, SortedMap<String, byte[]> fichiers) {

    public FichiersPack {
        fichiers = Collections.unmodifiableSortedMap(new TreeMap<>(fichiers));
    }

    /**
     * The file {@code chemin} as text, or null. Written by Notepad or saved as « CSV UTF-8 » by Excel, a file starts
     * with a byte order mark: it is read past, where Drools refused the rule at « line 1:0 » and the catalogue's first
     * column lost its name. A file in another encoding (Excel's « CSV », Windows-1252) is refused with its line, where
     * each accented letter became « � » in the labels served.
     *
     * @throws PackInvalideException when the file is not UTF-8
     */
    public String texte(String chemin) {
        byte[] contenu = fichiers.get(chemin);
        if (contenu == null) {
            return null;
        }
        int debut = contenu.length >= 3 && (contenu[0] & 0xFF) == 0xEF && (contenu[1] & 0xFF) == 0xBB && (contenu[2] & 0xFF) == 0xBF
                ? 3 : 0;
        ByteBuffer octets = ByteBuffer.wrap(contenu, debut, contenu.length - debut);
        CharBuffer texte = CharBuffer.allocate(contenu.length);
        CoderResult issue = StandardCharsets.UTF_8.newDecoder().decode(octets, texte, true); // reports, never replaces
        if (issue.isError()) {
            int ou = octets.position();
            int ligne = 1;
            for (int i = 0; i < ou; i++) {
                ligne += contenu[i] == '\n' ? 1 : 0;
            }
            throw new PackInvalideException(origine + "/" + chemin + " ligne " + ligne + " : le fichier n'est pas en UTF-8"
                    + " (octet 0x" + Integer.toHexString(contenu[ou] & 0xFF).toUpperCase()
                    + ") : enregistrez-le en UTF-8 (un tableur l'écrit souvent en Windows-1252)");
        }
        return texte.flip().toString();
    }

    public static FichiersPack depuisDossier(Path racine) {
        SortedMap<String, byte[]> lus = new TreeMap<>();
        try (Stream<Path> chemins = Files.walk(racine)) {
            for (Path p : (Iterable<Path>) chemins.filter(Files::isRegularFile)::iterator) {
                String chemin = racine.relativize(p).toString().replace('\\', '/');
                if (!horsDuPack(chemin)) {
                    lus.put(chemin, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Pack illisible : " + racine, e);
        }
        return new FichiersPack(racine.toString(), lus);
    }

    /**
     * Whether {@code chemin} (relative, with /) is something an OS or an editor left in the pack's folder rather than a
     * file of the pack: a hidden file or folder (Finder's .DS_Store and ._*, .idea/, vim's .*.swp), a backup (*~,
     * emacs' #…#), Explorer's Thumbs.db and desktop.ini. Counted, they changed the empreinte of a published version as
     * soon as someone opened its folder: verifier and a reload said it had changed since its publication. The pom leaves
     * the same names out of the jar, so that a pack has one empreinte, read from the jar or from its folder.
     */
    static boolean horsDuPack(String chemin) {
        for (String nom : chemin.split("/")) {
            boolean sauvegarde = nom.endsWith("~") || (nom.length() > 1 && nom.startsWith("#") && nom.endsWith("#"));
            if (nom.startsWith(".") || sauvegarde || nom.equals("Thumbs.db") || nom.equals("desktop.ini")) {
                return true;
            }
        }
        return false;
    }

    /** Un pack embarqué dans le jar (ou dans target/classes), sous {@code prefixe}, par exemple {@code harmonie/rules}. */
    public static FichiersPack depuisClasspath(String prefixe) {
        SortedMap<String, byte[]> lus = new TreeMap<>();
        try {
            PathMatchingResourcePatternResolver resolveur = new PathMatchingResourcePatternResolver(FichiersPack.class.getClassLoader());
            Resource racine = resolveur.getResource("classpath:" + prefixe + "/pack.yaml");
            if (!racine.exists()) {
                throw new IllegalStateException("Pack introuvable dans le classpath : " + prefixe);
            }
            String base = racine.getURL().toString();
            base = base.substring(0, base.length() - "pack.yaml".length());
            for (Resource r : resolveur.getResources("classpath*:" + prefixe + "/**/*")) {
                String url = r.getURL().toString();
                String chemin = url.startsWith(base) ? url.substring(base.length()) : "";
                if (r.isReadable() && !chemin.isEmpty() && !url.endsWith("/") && !horsDuPack(chemin)) {
                    try (InputStream in = r.getInputStream()) {
                        lus.put(chemin, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Pack illisible : " + prefixe, e);
        }
        return new FichiersPack("classpath:" + prefixe, lus);
    }
}
