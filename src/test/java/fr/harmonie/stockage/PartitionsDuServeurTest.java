package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.PartitionsMontees;
import fr.harmonie.ServiceEnProcessus;
import fr.harmonie.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Les partitions d'un vrai serveur. Un serveur durci monte /tmp sans droit d'exécution (noexec) : la bibliothèque du
 * PostgreSQL embarqué y extrayait ses programmes puis ne pouvait les lancer, et le service ne démarrait pas, sur
 * « initdb failed » et un conseil hors de propos. Une partition pleine arrêtait l'extraction en chemin, et le service ne
 * redémarrait plus, même la place libérée. Le test monte de vraies partitions (tmpfs), ce que seul root peut faire :
 * ailleurs, il est sauté.
 */
class PartitionsDuServeurTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path travail;

    private final PartitionsMontees partitions = new PartitionsMontees();
    private Path noexec;

    @BeforeEach
    void monterUnePartitionNoexec() throws Exception {
        noexec = monter("noexec", "noexec,size=256m");
    }

    /** A tmpfs mounted on {@code nom} in the test's directory, with {@code options}; the test is skipped if not root. */
    private Path monter(String nom, String options) throws Exception {
        return partitions.monter(travail.resolve(nom), options);
    }

    @AfterEach
    void demonter() throws Exception {
        partitions.demonter();
    }

    @Test
    void unTmpSansExecutionNEmpechePasLeServiceDeDemarrerNiDEnregistrer() throws Exception {
        Path donnees = travail.resolve("donnees");
        demarrerEtEnregistrer(List.of("-Djava.io.tmpdir=" + noexec), donnees);
        assertThat(donnees.resolve("postgres-binaires")).isDirectory();
    }

    /** Some servers mount /srv or /home noexec, but not /tmp: the programs then stay in the library's default place. */
    @Test
    void desDonneesSurUnePartitionSansExecutionGardentLeursProgrammesDansTmp() throws Exception {
        Path donnees = noexec.resolve("donnees");
        Path temporaires = Files.createDirectories(travail.resolve("tmp"));
        demarrerEtEnregistrer(List.of("-Djava.io.tmpdir=" + temporaires), donnees);
        assertThat(donnees.resolve("postgres-binaires")).doesNotExist();
        assertThat(temporaires.resolve("embedded-pg")).isDirectory();
    }

    @Test
    void sansPartitionQuiPermetDExecuterLeDemarrageSArreteEnDisantPourquoi() throws Exception {
        assertThat(demarrageRefuse(List.of("-Djava.io.tmpdir=" + noexec), noexec.resolve("donnees"))).contains("le système refuse d'exécuter les programmes de PostgreSQL extraits dans "
                + noexec.resolve("embedded-pg"), "montée noexec", "sur une partition qui permet d'exécuter des programmes");
    }

    /**
     * A partition too small for PostgreSQL's programs: the start stops on the lack of space, and once room is made, the
     * next start takes up the extraction that was cut short instead of running the programs it never wrote.
     */
    @Test
    void unePartitionPleineArreteLeDemarrageEtLeSuivantRepartUneFoisLaPlaceFaite() throws Exception {
        Path petite = monter("petite", "size=30m");
        Path donnees = petite.resolve("donnees");
        assertThat(demarrageRefuse(List.of(), donnees)).containsPattern("il ne reste que \\d+ Mo libres sur la partition de " + donnees)
                .contains("Libérer de la place sur cette partition, puis relancer");

        assertThat(PartitionsMontees.commande("mount", "-o", "remount,size=256m", petite.toString())).isNull();
        demarrerEtEnregistrer(List.of(), donnees);
    }

    /** The log of the kept data's service, started with {@code optionsJvm} on {@code donnees}, which must stop by itself. */
    private String demarrageRefuse(List<String> optionsJvm, Path donnees) throws Exception {
        return ServiceEnProcessus.refuse(optionsJvm, Map.of("HARMONIE_DATA_DIR", donnees.toString()), travail.resolve("refus.log"),
                "--server.port=" + ServiceEnProcessus.portLibre(), "--harmonie.donnees.ephemeres=false");
    }

    /**
     * The disk fills while the service runs: a write gets 503 (retry later), never a 500 nor half a dossier; once room
     * is made, writes resume by themselves, and every dossier acknowledged by a 201 is there.
     */
    @Test
    void unDisquePleinEnServiceDonne503PuisLesEcrituresReprennentSansRienPerdre() throws Exception {
        Path partition = monter("moyenne", "size=200m");
        avecLeService(List.of(), partition.resolve("donnees"), port -> {
            Path remplissage = partition.resolve("remplissage");
            try (OutputStream out = Files.newOutputStream(remplissage)) {
                byte[] mo = new byte[1024 * 1024];
                while (true) {
                    out.write(mo);
                }
            } catch (IOException plein) {
                // No space left on device: what PostgreSQL meets next.
            }
            List<Integer> statuts = new ArrayList<>();
            while (statuts.size() < 200 && !statuts.contains(503)) {
                statuts.add(creer(port).statusCode());
            }
            assertThat(statuts).contains(503).allMatch(s -> s == 201 || s == 503);
            // The operator reads what to fix: the disk, not a server out of reach.
            assertThat(Files.readString(travail.resolve("service.log"))).contains("Base de données sans place sur son disque");
            Files.delete(remplissage);
            assertThat(creer(port).statusCode()).isEqualTo(201);
            HttpResponse<String> liste = HTTP.send(requete(port, "/api/v1/dossiers?limite=500").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Json.MAPPER.readTree(liste.body()).size()).isEqualTo(statuts.stream().filter(s -> s == 201).count() + 1);
        });
    }

    /** The kept data's service, started with {@code optionsJvm} on {@code donnees}, answers and records a dossier. */
    private void demarrerEtEnregistrer(List<String> optionsJvm, Path donnees) throws Exception {
        avecLeService(optionsJvm, donnees, port -> assertThat(creer(port).statusCode()).isEqualTo(201));
    }

    interface Essai {
        void avec(int port) throws Exception;
    }

    /** {@code essai} on the kept data's service, started with {@code optionsJvm} on {@code donnees}; its log if it fails. */
    private void avecLeService(List<String> optionsJvm, Path donnees, Essai essai) throws Exception {
        Path journal = travail.resolve("service.log");
        int port = ServiceEnProcessus.portLibre();
        Process service = ServiceEnProcessus.lancer(optionsJvm, Map.of("HARMONIE_DATA_DIR", donnees.toString()), journal,
                "--server.port=" + port, "--harmonie.donnees.ephemeres=false");
        try {
            ServiceEnProcessus.attendre(service, port);
            essai.avec(port);
        } catch (AssertionError | RuntimeException e) {
            System.err.println(Files.readString(journal));
            throw e;
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A dossier created as {@code bailleur}. */
    private static HttpResponse<String> creer(int port) throws Exception {
        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");
        return HTTP.send(requete(port, "/api/v1/dossiers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dossier)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder requete(int port, String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes(StandardCharsets.UTF_8)));
    }
}
