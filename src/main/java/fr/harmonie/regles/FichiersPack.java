package fr.harmonie.regles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    public String texte(String chemin) {
        byte[] contenu = fichiers.get(chemin);
        return contenu == null ? null : new String(contenu, StandardCharsets.UTF_8);
    }

    public static FichiersPack depuisDossier(Path racine) {
        SortedMap<String, byte[]> lus = new TreeMap<>();
        try (Stream<Path> chemins = Files.walk(racine)) {
            for (Path p : (Iterable<Path>) chemins.filter(Files::isRegularFile)::iterator) {
                lus.put(racine.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Pack illisible : " + racine, e);
        }
        return new FichiersPack(racine.toString(), lus);
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
                if (r.isReadable() && url.startsWith(base) && !url.endsWith("/")) {
                    try (InputStream in = r.getInputStream()) {
                        lus.put(url.substring(base.length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Pack illisible : " + prefixe, e);
        }
        return new FichiersPack("classpath:" + prefixe, lus);
    }
}
