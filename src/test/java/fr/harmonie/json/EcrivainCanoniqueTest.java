package fr.harmonie.json;

import static org.assertj.core.api.Assertions.assertThat;

import fr.harmonie.dossier.Dossier;
import fr.harmonie.dossier.LecteurDossier;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.evaluation.Resultat;
import fr.harmonie.regles.Origine;
import fr.harmonie.territoires.ChargeurPacks;
import fr.harmonie.territoires.Geographie;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Receipts are now written by {@link EcrivainCanonique}; {@link Json#CANONIQUE} stays the definition of the bytes. A
 * single differing byte would change every receipt, and sealed evaluations would stop verifying.
 */
class EcrivainCanoniqueTest {

    private static final LecteurDossier LECTEUR = new LecteurDossier();
    private static final Evaluateur EVALUATEUR = new Evaluateur(
            ChargeurPacks.charger(Path.of("."), Geographie.chargerEmbarquee()), Clock.systemUTC());

    @TestFactory
    Stream<DynamicTest> chaqueDossierDeReferenceEtSonResultatSEcriventCommeAvecJackson() throws IOException {
        List<Path> dossiers = new ArrayList<>();
        try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"));
             Stream<Path> exemples = Files.list(Path.of("src/test/resources/exemples"))) {
            golden.map(d -> d.resolve("dossier.json")).filter(Files::exists).forEach(dossiers::add);
            exemples.filter(f -> f.toString().endsWith(".json")).forEach(dossiers::add);
        }
        assertThat(dossiers).hasSizeGreaterThanOrEqualTo(13);
        return dossiers.stream().sorted().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> {
            Dossier d = LECTEUR.lire(Files.readAllBytes(f));
            Resultat r = EVALUATEUR.evaluer(d);
            assertThat(r.trace()).isNotEmpty();
            memesOctets(d);
            memesOctets(r);
            memesOctets(r); // the second time, the origins come from the writer's memory
            commeLaReponseDeJackson(r);
        }));
    }

    /**
     * Every answer to an evaluation is written by {@link Resultat#enJson()}: the bytes the service's own mapper
     * ({@link Json#MAPPER}, not the canonical one) writes, texts a client chose included.
     */
    @Test
    void leResultatSEcritPourLaReponseCommeLeMapperDuService() throws IOException {
        Resultat r = EVALUATEUR.evaluer(LECTEUR.lire(Files.readAllBytes(
                Path.of("src/test/resources/golden/01-construction-neuve-dijon/dossier.json"))));
        for (String reference : List.of("guillemet \" et barre \\ oblique", "contrôle \u0001 et ligne\nsuivante",
                "hors BMP 😀", "surrogate seul \ud800", "accents éèàç « » — €")) {
            commeLaReponseDeJackson(new Resultat(r.formatVersion(), reference, r.dateReference(), r.phase(), r.territoire(),
                    r.deposable(), r.complet(), r.piecesRequises(), r.piecesEcartees(), r.anomalies(), r.maturite(), r.trace(),
                    r.empreinte()));
        }
    }

    private static void commeLaReponseDeJackson(Resultat r) {
        assertThat(ecrit(r::enJson)).isEqualTo(ecrit(() -> Json.MAPPER.writeValueAsBytes(r)));
    }

    @Test
    void lesOctetsEpinglesDuDossierDeDijonSontCeuxDeLEcrivain() throws IOException {
        Dossier d = LECTEUR.lire(Files.readAllBytes(Path.of("src/test/resources/golden/01-construction-neuve-dijon/dossier.json")));
        assertThat(new String(EcrivainCanonique.octets(d), StandardCharsets.UTF_8)).isEqualTo(Files.readString(
                Path.of("src/test/resources/golden/01-construction-neuve-dijon/dossier.canonique.json"), StandardCharsets.UTF_8));
    }

    /** What a rule author or a client may put in a text, and numbers a computation may produce. */
    @Test
    void lesTextesEtNombresDifficilesSEcriventCommeAvecJackson() {
        List<String> textes = List.of("", "simple", "guillemet \" et barre \\ oblique", "ligne\nsuivante\ttab\r\b\f",
                "contrôle \u0001\u001f", "accents éèàç ÉÀ œ", "typographie ’ « » — € ≤ ½ ×", "hors BMP 😀 𝔸",
                "surrogate seul \ud800 ici", "fin par surrogate \udc00", "point ? d'interrogation", "\u007f\u0080\u07ff\u0800\uffff",
                "longue ".repeat(1_000), "é".repeat(3_000)); // longer than the buffer that feeds the digest
        List<String> tous = new ArrayList<>(textes);
        for (char c = 0; c < 0x900; c++) {
            tous.add("a" + c + "é");  // each character alone, so that one escaped character does not hide another
        }
        for (String t : tous) {
            memesOctets(new Origine(t, t, t));
            memesOctets(List.of(t));
        }
        for (double x : new double[] {0.0, -0.0, 1.0, 0.1, 1e21, 1e-7, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            memesOctets(new Resultat.Dimension("D", "libellé", x, x, null));
        }
        memesOctets(new Resultat.Territoire(null, null, null, List.of()));
        memesOctets(java.util.Arrays.asList("a", null, "b"));
    }

    @Test
    void plusDOriginesQueLaMemoireNeGardeSEcriventToujoursJuste() {
        List<Origine> origines = IntStream.range(0, 5_000)
                .mapToObj(i -> new Origine("R-" + i, "pack@" + (i % 7), "référence « " + i + " »")).toList();
        memesOctets(origines);
        memesOctets(origines);
        List<Origine> inverse = new ArrayList<>(origines);
        java.util.Collections.reverse(inverse);
        memesOctets(inverse);
    }

    /** A type that falls back to Jackson still writes the right bytes, but slowly: the contract's types must not. */
    @Test
    void lesTypesDuContratSEcriventSansJackson() {
        Set<Class<?>> vus = new HashSet<>();
        parcourir(Dossier.class, vus);
        parcourir(Resultat.class, vus);
        assertThat(vus).contains(Origine.class, Resultat.PieceRequise.class, fr.harmonie.dossier.Lot.Logement.class);
        assertThat(vus.stream().filter(c -> !EcrivainCanonique.ecritSansJackson(c)).toList()).isEmpty();
    }

    record Renomme(@com.fasterxml.jackson.annotation.JsonProperty("autre") String nom, int rang) { }

    record AvecGetter(String a) {
        public String getB() {
            return "b de " + a;
        }
    }

    record Simple(String a, List<Integer> rangs) { }

    record Noeud(String nom, List<Noeud> enfants, Noeud parent) { }

    @Test
    void unRecordQueJacksonEcritAutrementEstLaisseAJackson() {
        assertThat(EcrivainCanonique.ecritSansJackson(Renomme.class)).isFalse();
        assertThat(EcrivainCanonique.ecritSansJackson(AvecGetter.class)).isFalse();
        assertThat(EcrivainCanonique.ecritSansJackson(Simple.class)).isTrue();
        memesOctets(List.of(new Renomme("x", 2), new Renomme(null, 0)));
        memesOctets(new AvecGetter("a"));
        memesOctets(new Simple("s", java.util.Arrays.asList(1, null, 3)));
    }

    @Test
    void unRecordQuiSeContientSEcritCommeAvecJackson() {
        Noeud racine = new Noeud("racine", List.of(), null);
        memesOctets(new Noeud("a", List.of(new Noeud("b", List.of(), racine)), racine));
        assertThat(EcrivainCanonique.ecritSansJackson(Noeud.class)).isTrue();
    }

    private static void parcourir(Type type, Set<Class<?>> vus) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                parcourir(argument, vus);
            }
            return;
        }
        if (type instanceof Class<?> c && !c.isPrimitive() && vus.add(c) && c.isRecord()) {
            for (RecordComponent composante : c.getRecordComponents()) {
                parcourir(composante.getGenericType(), vus);
            }
        }
    }

    /**
     * The same bytes, or the same refusal (Jackson refuses some lone surrogates); and the same receipt when the writer
     * hands its bytes to the digest piece by piece, as it does for every evaluation.
     */
    private static void memesOctets(Object valeur) {
        assertThat(ecrit(() -> EcrivainCanonique.octets(valeur))).isEqualTo(ecrit(() -> Json.CANONIQUE.writeValueAsBytes(valeur)));
        assertThat(ecrit(() -> condensat(sha -> EcrivainCanonique.condenser(valeur, sha))))
                .isEqualTo(ecrit(() -> condensat(sha -> sha.update(Json.CANONIQUE.writeValueAsBytes(valeur)))));
    }

    private static byte[] condensat(java.util.function.Consumer<MessageDigest> ecriture) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ecriture.accept(sha);
            return HexFormat.of().formatHex(sha.digest()).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ecrit(java.util.function.Supplier<byte[]> ecriture) {
        try {
            return new String(ecriture.get(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "refus " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
