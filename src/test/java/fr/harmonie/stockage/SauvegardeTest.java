package fr.harmonie.stockage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.ServiceEnProcessus;
import fr.harmonie.cli.Commandes;
import fr.harmonie.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qui garde ses dossiers dans le PostgreSQL embarqué les sauvegarde sans arrêter le service, pendant que les bailleurs
 * écrivent, et les retrouve tous, évaluations scellées comprises, après restauration sur une autre machine (un autre
 * répertoire); service arrêté, la sauvegarde tient aussi ce qui a été écrit après la première.
 */
class SauvegardeTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void uneSauvegardePriseEnPleineRafaleDeCreationsRestaureChaqueDossierAcquitteAvantElle(@TempDir Path racine,
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path journaux) throws Exception {
        Path donnees = racine.resolve("donnees");
        Path aChaud = racine.resolve("sauvegardes/a-chaud.zip");
        Path aFroid = racine.resolve("sauvegardes/a-froid.zip");
        Files.createDirectories(aChaud.getParent());
        String dossier = Files.readString(Path.of("rules/cas/agrement.json")).replace("\"356000000\"", "\"732829320\"");

        Set<String> acquittes = ConcurrentHashMap.newKeySet();
        Set<String> avantLaSauvegarde;
        String evaluation;
        int port = ServiceEnProcessus.portLibre();
        Process service = lancer(donnees, port, journaux.resolve("service.log"));
        try {
            ServiceEnProcessus.attendre(service, port);
            String premier = id(envoyer(port, "POST", "/api/v1/dossiers", dossier, 201));
            evaluation = id(envoyer(port, "POST", "/api/v1/dossiers/" + premier + "/evaluations", "", 201));
            acquittes.add(premier);

            AtomicBoolean fin = new AtomicBoolean();
            ExecutorService rafale = Executors.newFixedThreadPool(4);
            List<Future<?>> createurs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                createurs.add(rafale.submit(() -> {
                    while (!fin.get()) {
                        acquittes.add(id(envoyer(port, "POST", "/api/v1/dossiers", dossier, 201)));
                    }
                    return null;
                }));
            }
            attendre(acquittes, 40, createurs);
            avantLaSauvegarde = new HashSet<>(acquittes);
            Sortie sauvegarde = commande("sauvegarder", "--donnees", donnees.toString(), aChaud.toString());
            assertThat(sauvegarde.code()).as(sauvegarde.erreurs()).isZero();
            assertThat(sauvegarde.sortie()).contains("service en marche");
            int pendant = acquittes.size();
            attendre(acquittes, pendant + 20, createurs);
            fin.set(true);
            rafale.shutdown();
            assertThat(rafale.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> createur : createurs) {
                createur.get(); // a creation refused during the backup fails the test here
            }
        } finally {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(avantLaSauvegarde).hasSizeGreaterThanOrEqualTo(40);
        try (ZipFile zip = new ZipFile(aChaud.toFile())) {
            // The journal the restore replays, and the label that says from where; no trace of the running server.
            assertThat(zip.getEntry("postgres/backup_label")).isNotNull();
            assertThat(zip.getEntry("postgres/postmaster.pid")).isNull();
        }

        // Service stopped: the files as they are, every creation included.
        Sortie froid = commande("sauvegarder", "--donnees", donnees.toString(), aFroid.toString());
        assertThat(froid.code()).as(froid.erreurs()).isZero();
        assertThat(froid.sortie()).contains("service arrêté");

        Path restauree = racine.resolve("restauree");
        Sortie restauration = commande("restaurer", "--donnees", restauree.toString(), aChaud.toString());
        assertThat(restauration.code()).as(restauration.erreurs()).isZero();
        // Never over a base: the same restore again is refused and leaves the first one as it is.
        Sortie encore = commande("restaurer", "--donnees", restauree.toString(), aFroid.toString());
        assertThat(encore.code()).isEqualTo(2);
        assertThat(encore.erreurs()).contains("tient déjà une base");

        int port2 = ServiceEnProcessus.portLibre();
        Process surLaCopie = lancer(restauree, port2, journaux.resolve("restauree.log"));
        try {
            ServiceEnProcessus.attendre(surLaCopie, port2);
            assertThat(absents(port2, avantLaSauvegarde)).isEmpty();
            // The sealed evaluation is there, and its receipt still holds on the pack versions read back from the base.
            String verification = envoyer(port2, "GET", "/api/v1/evaluations/" + evaluation + "/verification", null, 200);
            assertThat(Json.MAPPER.readTree(verification).get("concorde").asBoolean()).isTrue();
            envoyer(port2, "POST", "/api/v1/dossiers", dossier, 201);
        } finally {
            surLaCopie.destroy();
            surLaCopie.waitFor(60, TimeUnit.SECONDS);
        }

        Path restaureeAFroid = racine.resolve("restauree-a-froid");
        assertThat(commande("restaurer", "--donnees", restaureeAFroid.toString(), aFroid.toString()).code()).isZero();
        int port3 = ServiceEnProcessus.portLibre();
        Process surLaCopieAFroid = lancer(restaureeAFroid, port3, journaux.resolve("restauree-a-froid.log"));
        try {
            ServiceEnProcessus.attendre(surLaCopieAFroid, port3);
            assertThat(absents(port3, acquittes)).isEmpty();
        } finally {
            surLaCopieAFroid.destroy();
            surLaCopieAFroid.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Until {@code nombre} creations are acknowledged; a creator that stopped (a refused creation) says why. */
    private static void attendre(Set<String> acquittes, int nombre, List<Future<?>> createurs) throws Exception {
        long limite = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (acquittes.size() < nombre) {
            for (Future<?> createur : createurs) {
                if (createur.isDone()) {
                    createur.get();
                }
            }
            assertThat(System.nanoTime()).as("%d créations acquittées en deux minutes", nombre).isLessThan(limite);
            Thread.sleep(10);
        }
    }

    private static Process lancer(Path donnees, int port, Path journal) throws Exception {
        return ServiceEnProcessus.lancer(List.of(), Map.of("HARMONIE_DATA_DIR", donnees.toString()), journal,
                "--server.port=" + port, "--harmonie.donnees.ephemeres=false");
    }

    private static List<String> absents(int port, Set<String> ids) {
        List<String> absents = new ArrayList<>();
        for (String id : ids) {
            if (envoyerStatut(port, "/api/v1/dossiers/" + id) != 200) {
                absents.add(id);
            }
        }
        return absents;
    }

    private static String envoyer(int port, String methode, String chemin, String corps, int attendu) {
        try {
            HttpResponse<String> r = HTTP.send(requete(port, chemin).header("Content-Type", "application/json")
                    .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(attendu);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int envoyerStatut(int port, String chemin) {
        try {
            return HTTP.send(requete(port, chemin).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder requete(int port, String chemin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bailleur:demo".getBytes()));
    }

    private static String id(String corps) {
        return Json.MAPPER.readTree(corps).get("id").asString();
    }

    static Sortie commande(String... args) {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        ByteArrayOutputStream erreurs = new ByteArrayOutputStream();
        int code = Commandes.executer(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(sortie, true, StandardCharsets.UTF_8), new PrintStream(erreurs, true, StandardCharsets.UTF_8));
        return new Sortie(code, sortie.toString(StandardCharsets.UTF_8), erreurs.toString(StandardCharsets.UTF_8));
    }

    record Sortie(int code, String sortie, String erreurs) {
    }
}
