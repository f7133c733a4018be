package fr.harmonie.stockage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which extractions of PostgreSQL's programs (one directory {@code PG-<empreinte>} per version, under the data's
 * {@code postgres-binaires}) have run PostgreSQL.
 *
 * <p>An extraction cut short (a full partition, a kill) leaves programs missing, and the library marks it finished all
 * the same ({@code .exists}, written after its failed writes): every later start would run those programs and fail,
 * even once room was made, until someone removed the directory by hand. So an extraction is marked proven once
 * PostgreSQL has started from it, and one that is not is removed before a start and extracted again.
 *
 * <p>The mark is a file beside the directory, never inside: the library judges an extraction finished only if nothing
 * in its directory is newer than its {@code .exists}, so a mark written inside made it extract everything again at the
 * next start (2 to 3 s of processor and 60 MB written, at the second start of every installation). The mark holds the
 * date of the {@code .exists} it proves: should the library extract again, the new extraction has to prove itself.
 */
final class ProgrammesEprouves {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammesEprouves.class);
    private static final String PREFIXE = "PG-";
    private static final String SUFFIXE_DE_LA_MARQUE = ".demarre";
    /** The library's own mark of a finished extraction. */
    private static final String EXTRACTION_FINIE = ".exists";

    private ProgrammesEprouves() {
    }

    /** Before a start: removes each extraction that never ran PostgreSQL, and each mark left without its extraction. */
    static void oublierLesNonEprouves(Path binaires) throws IOException {
        for (Path marque : marques(binaires)) {
            if (!Files.isDirectory(extractionDe(marque))) {
                Files.delete(marque);
            }
        }
        for (Path extraction : extractions(binaires)) {
            if (!eprouvee(extraction)) {
                // An installation made by a jar before the mark moved out lands here once too: its mark inside the
                // directory proves nothing about the extraction the library made again after it (it may have been cut).
                LOG.info("Programmes de PostgreSQL dans {} sans démarrage attesté (extraction interrompue, jamais démarrée,"
                        + " ou faite par une version antérieure de Harmonie) : ils sont extraits de nouveau", extraction);
                try (var contenu = Files.walk(extraction)) {
                    for (Path p : contenu.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
                Files.deleteIfExists(marqueDe(extraction));
            }
        }
    }

    /** Once PostgreSQL has started: every extraction there is proven (this directory serves one instance). */
    static void marquer(Path binaires) {
        try {
            for (Path extraction : extractions(binaires)) {
                if (!eprouvee(extraction)) {
                    Files.writeString(marqueDe(extraction), dateDeFin(extraction), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            // PostgreSQL runs: the next start only extracts its programs once more.
            LOG.warn("Programmes de PostgreSQL non marqués comme démarrés dans {} : {}", binaires, e.toString());
        }
    }

    static boolean eprouvee(Path extraction) throws IOException {
        Path marque = marqueDe(extraction);
        String fin = dateDeFin(extraction);
        return !fin.isEmpty() && Files.exists(marque) && Files.readString(marque, StandardCharsets.UTF_8).strip().equals(fin);
    }

    static Path marqueDe(Path extraction) {
        return extraction.resolveSibling(extraction.getFileName() + SUFFIXE_DE_LA_MARQUE);
    }

    private static Path extractionDe(Path marque) {
        String nom = marque.getFileName().toString();
        return marque.resolveSibling(nom.substring(0, nom.length() - SUFFIXE_DE_LA_MARQUE.length()));
    }

    /** When the library finished this extraction, in milliseconds; empty if it never did. */
    private static String dateDeFin(Path extraction) throws IOException {
        Path fin = extraction.resolve(EXTRACTION_FINIE);
        return Files.exists(fin) ? Long.toString(Files.getLastModifiedTime(fin).toMillis()) : "";
    }

    private static List<Path> extractions(Path binaires) throws IOException {
        return entrees(binaires).stream().filter(Files::isDirectory).toList();
    }

    private static List<Path> marques(Path binaires) throws IOException {
        return entrees(binaires).stream()
                .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(SUFFIXE_DE_LA_MARQUE)).toList();
    }

    private static List<Path> entrees(Path binaires) throws IOException {
        if (!Files.isDirectory(binaires)) {
            return List.of();
        }
        try (var entrees = Files.list(binaires)) {
            return entrees.filter(p -> p.getFileName().toString().startsWith(PREFIXE)).toList();
        }
    }
}
