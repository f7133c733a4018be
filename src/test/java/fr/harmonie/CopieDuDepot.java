package fr.harmonie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/** Une copie de rules/ et territories/, que le test peut éditer comme un auteur de règles sans toucher au dépôt. */
public final class CopieDuDepot {

    private CopieDuDepot() {
    }

    public static Path dans(Path cible) {
        try {
            for (String racine : new String[] {"rules", "territories"}) {
                try (Stream<Path> s = Files.walk(Path.of(racine))) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        Path copie = cible.resolve(p.toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(copie);
                        } else {
                            Files.copy(p, copie);
                        }
                    }
                }
            }
            return cible;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy in a temporary directory, for a test class that needs one before any JUnit {@code @TempDir} exists (a
     * static field its Spring properties read): removed when the test JVM ends, so that test runs do not pile up copies.
     */
    public static Path temporaire() {
        try {
            Path copie = Files.createTempDirectory("harmonie-depot");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(copie.toFile())));
            return dans(copie);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /**
     * A pack's version 2026.1 copied as version 2026.2 (in force from 2026-03-01), as a rule author publishes one: with
     * whatever the test edited in the copy.
     */
    public static void publierCommeNouvelleVersion(Path version) throws IOException {
        Path nouvelle = version.resolveSibling("2026.2");
        try (var fichiers = Files.walk(version)) {
            for (Path p : (Iterable<Path>) fichiers::iterator) {
                Files.copy(p, nouvelle.resolve(version.relativize(p).toString()));
            }
        }
        Path manifeste = nouvelle.resolve("pack.yaml");
        Files.writeString(manifeste, Files.readString(manifeste).replace("version: \"2026.1\"", "version: \"2026.2\"")
                .replace("validFrom: 2026-01-01", "validFrom: 2026-03-01"));
    }

    /**
     * Adds to a version of the Rouen pack a rule MRN-AN-900, with its cases and declaration, that joins each logement
     * with every logement before it of the same designation, then keeps the first of them: its cases pass, and one tuple
     * per pair is built before the "not" filters them (128 million at 16 000 logements).
     */
    public static void ajouterUneJointureQuadratique(Path pack) throws IOException {
        Files.writeString(pack.resolve("regles/doublons.drl"), """
                package harmonie.metropole_rouen_normandie;
                import fr.harmonie.regles.faits.*;

                rule "Une désignation reprise est signalée avec le premier logement qui la porte"
                    @id("MRN-AN-900")
                    @reference("Tableau des surfaces par logement")
                    @anomaliePosee("DESIGNATION_EN_DOUBLE")
                    ruleflow-group "anomalies"
                when
                    $g : LogementFait($designation : designation, $rang : rang)
                    $premier : LogementFait(designation == $designation, rang < $rang)
                    not LogementFait(designation == $designation, rang < $premier.rang)
                then
                    insert(new Anomalie("DESIGNATION_EN_DOUBLE", Gravite.MINEURE, $g.pointeur("designation"),
                        "Désignation « " + $designation + " » reprise", drools.getRule()));
                end
                """);
        Files.writeString(pack.resolve("regles/doublons.cas.yaml"), """
                dossier: programmation
                cas:
                  - regle: MRN-AN-900
                    nom: Deux logements de même désignation
                    modifier: { /operation/commune/codeInsee: "76540", /operation/lots/0/logements/1/designation: P01 }
                    declenche: true
                  - regle: MRN-AN-900
                    nom: Des désignations distinctes
                    modifier: { /operation/commune/codeInsee: "76540" }
                    declenche: false
                """);
        Files.writeString(pack.resolve("surcharges.yaml"), Files.readString(pack.resolve("surcharges.yaml")) + """
                  - id: MRN-AN-900
                    code: DESIGNATION_EN_DOUBLE
                    gravite: MINEURE
                    motif: "Un logement, une ligne."
                    source: "Tableau des surfaces par logement"
                """);
    }
}
