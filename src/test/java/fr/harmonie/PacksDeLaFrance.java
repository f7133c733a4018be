package fr.harmonie;

import fr.harmonie.territoires.Geographie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Un jeu de packs à l'échelle de la France, généré: une région par région métropolitaine, une DDT par département,
 * un délégataire par grand EPCI, soit environ 220 packs de 10 règles chacun (avec leurs cas). Le banc de charge le
 * mesure ({@code PacksFranceBenchmark}); le build vérifie qu'il passe la vérification des packs, qui sans cela
 * pourrait le refuser sans que personne le voie avant la prochaine mesure.
 */
public final class PacksDeLaFrance {

    public static final int REGLES_PAR_PACK = 10;
    public static final int DELEGATAIRES = 106;

    private PacksDeLaFrance() {
    }

    /** rules/ (copied from the classpath) and a generated territories/ in {@code racine}, which it returns. */
    public static Path generer(Geographie geo, Path racine) throws IOException {
        copierSocle(racine.resolve("rules"));
        Map<String, List<Geographie.Commune>> parRegion = geo.toutesLesCommunes().stream()
                .filter(c -> c.departement().length() == 2)
                .collect(Collectors.groupingBy(Geographie.Commune::region, TreeMap::new, Collectors.toList()));
        for (var region : parRegion.entrySet()) {
            List<String> departements = region.getValue().stream().map(Geographie.Commune::departement).distinct().sorted().toList();
            ecrirePack(racine, "region-" + region.getKey(), "REGION", "national", "departements: " + liste(departements));
            for (String d : departements) {
                ecrirePack(racine, "ddt-" + d.toLowerCase(), "DEPARTEMENT", "region-" + region.getKey(), "departements: " + liste(List.of(d)));
            }
        }
        Map<String, Long> tailles = geo.toutesLesCommunes().stream().filter(c -> !c.epci().isEmpty() && !c.departement().equals("21"))
                .collect(Collectors.groupingBy(Geographie.Commune::epci, LinkedHashMap::new, Collectors.counting()));
        List<String> epcis = tailles.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(DELEGATAIRES).map(Map.Entry::getKey).toList();
        for (String epci : epcis) {
            String d = geo.membresEpci(epci).stream().map(geo::commune).map(Geographie.Commune::departement)
                    .collect(Collectors.groupingBy(x -> x, Collectors.counting())).entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(e -> e.getKey(), Comparator.reverseOrder()))
                    .get().getKey();
            ecrirePack(racine, "epci-" + epci, "DELEGATAIRE", "ddt-" + d.toLowerCase(), "epci: [\"" + epci + "\"]");
        }
        return racine;
    }

    private static String liste(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static void ecrirePack(Path racine, String id, String niveau, String parent, String perimetre) throws IOException {
        Path dir = racine.resolve("territories").resolve(id).resolve("2026.1");
        Files.createDirectories(dir.resolve("regles"));
        Files.writeString(dir.resolve("pack.yaml"), "id: " + id + "\nlibelle: Pack généré " + id + "\nniveau: " + niveau
                + "\nparent: " + parent + "\nversion: \"2026.1\"\nvalidFrom: 2026-01-01\nperimetre:\n  " + perimetre
                + "\nsources:\n  - \"banc de charge\"\n");
        Files.writeString(dir.resolve("README.md"), "# " + id + "\n\nPack généré pour le banc de charge.\n");
        String prefixe = id.toUpperCase().replaceAll("[^A-Z0-9]", "");
        StringBuilder drl = new StringBuilder("package harmonie." + id.replaceAll("[^A-Za-z0-9]", "_")
                + ";\nimport fr.harmonie.regles.faits.*;\n");
        StringBuilder declarations = new StringBuilder("anomalies:\n");
        StringBuilder cas = new StringBuilder("dossier: agrement\ncas:\n");
        for (int k = 1; k <= REGLES_PAR_PACK; k++) {
            String rid = prefixe + "-AN-" + k;
            drl.append("rule \"Règle générée ").append(rid).append(": plus de ").append(k).append(" logements\"\n")
                    .append("    @id(\"").append(rid).append("\")\n    @reference(\"banc de charge\")\n")
                    .append("    ruleflow-group \"anomalies\"\nwhen\n    $d : Demande(nombreLogements > ").append(k * 2)
                    .append(")\nthen\n    insert(new Anomalie(\"LOCAL_").append(k).append("\", Gravite.INFO, null, \"Avis local ")
                    .append(k).append("\", drools.getRule()));\nend\n");
            declarations.append("  - { id: ").append(rid).append(", code: LOCAL_").append(k)
                    .append(", gravite: INFO, motif: banc, source: banc }\n");
            cas.append("  - { regle: ").append(rid).append(", nom: déclenche, declenche: true }\n")
                    .append("  - { regle: ").append(rid).append(", nom: ne déclenche pas, modifier: { /operation/lots/1: null, /operation/lots/0/logements: [{ designation: A, typologie: T2, surfaceHabitable: 50 }] }, declenche: false }\n");
        }
        Files.writeString(dir.resolve("regles/generees.drl"), drl.toString());
        Files.writeString(dir.resolve("surcharges.yaml"), declarations.toString());
        Files.writeString(dir.resolve("regles/generees.cas.yaml"), cas.toString());
    }

    private static void copierSocle(Path cible) throws IOException {
        var resolveur = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        String base = resolveur.getResource("classpath:harmonie/rules/pack.yaml").getURL().toString().replace("pack.yaml", "");
        for (var r : resolveur.getResources("classpath*:harmonie/rules/**/*")) {
            String url = r.getURL().toString();
            if (r.isReadable() && url.startsWith(base) && !url.endsWith("/")) {
                Path p = cible.resolve(url.substring(base.length()));
                Files.createDirectories(p.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.write(p, in.readAllBytes());
                }
            }
        }
    }
}
