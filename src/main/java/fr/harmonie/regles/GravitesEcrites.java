package fr.harmonie.regles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.harmonie.regles.faits.Gravite;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What a pack's rules write about the anomalies they pose, read from the DRL text without compiling it: the gravités
 * in their consequences ({@code new Anomalie("CODE", Gravite.MAJEURE, …)}), which the compiled rule keeps no trace of,
 * and the codes their {@code @anomaliePosee} declares. The lint needs the first to tell a raised gravité that can never
 * apply (the chain already poses it at that level or higher) and a declared anomaly whose rule poses another gravité
 * than its declaration lists; the second to refuse a calendar notice that would take a code the chain already gives
 * a meaning to.
 */
public final class GravitesEcrites {

    private static final Pattern GRAVITE = Pattern.compile("\\bGravite\\s*\\.\\s*(BLOQUANTE|MAJEURE|MINEURE|INFO)\\b");

    private GravitesEcrites() {
    }

    /**
     * By rule id, the gravités its consequence names. A rule that names none (it computes its gravité) is absent:
     * nothing can then be said of it. The pack's rules have compiled before this is asked, so they parse.
     */
    public static Map<String, Set<Gravite>> parRegle(Pack pack) {
        Map<String, Set<Gravite>> gravites = new HashMap<>();
        for (RuleDescr r : regles(pack)) {
            AnnotationDescr id = r.getAnnotation("id");
            Set<Gravite> ecrites = ecrites(String.valueOf(r.getConsequence()));
            if (id != null && !ecrites.isEmpty()) {
                gravites.put(sansGuillemets(id.getSingleValueAsString()), ecrites);
            }
        }
        return gravites;
    }

    /**
     * By pack content: parsing the national rules takes 20 to 40 ms, and every territory pack with a calendar notice
     * asks for its chain's codes at each load and reload.
     */
    private static final Cache<String, Map<String, String>> ANOMALIES_POSEES = Caffeine.newBuilder().maximumSize(1024).build();

    /** By anomaly code, the id of a rule of the pack that declares posing it ({@code @anomaliePosee}). */
    public static Map<String, String> anomaliesPosees(Pack pack) {
        return ANOMALIES_POSEES.get(pack.empreinte(), e -> lireAnomaliesPosees(pack));
    }

    private static Map<String, String> lireAnomaliesPosees(Pack pack) {
        Map<String, String> codes = new HashMap<>();
        for (RuleDescr r : regles(pack)) {
            AnnotationDescr id = r.getAnnotation("id");
            AnnotationDescr code = r.getAnnotation("anomaliePosee");
            if (id != null && code != null) {
                codes.putIfAbsent(sansGuillemets(code.getSingleValueAsString()), sansGuillemets(id.getSingleValueAsString()));
            }
        }
        return Map.copyOf(codes);
    }

    private static List<RuleDescr> regles(Pack pack) {
        List<RuleDescr> regles = new ArrayList<>();
        for (Map.Entry<String, String> drl : pack.regles().entrySet()) {
            try {
                DrlParser parser = new DrlParser();
                PackageDescr descr = parser.parse(false, drl.getValue());
                if (descr != null && !parser.hasErrors()) {
                    regles.addAll(descr.getRules());
                }
            } catch (DroolsParserException e) {
                // Said by the compilation, which runs first.
            }
        }
        return regles;
    }

    static Set<Gravite> ecrites(String consequence) {
        Set<Gravite> gravites = EnumSet.noneOf(Gravite.class);
        Matcher m = GRAVITE.matcher(consequence);
        while (m.find()) {
            gravites.add(Gravite.valueOf(m.group(1)));
        }
        return gravites;
    }

    private static String sansGuillemets(String s) {
        String v = s.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
