package fr.harmonie.regles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.harmonie.regles.faits.Gravite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * the codes they write there ({@code "CODE"}), and the codes their {@code @anomaliePosee} declares. The lint needs the
 * gravités to tell a raised gravité that can never apply (the chain already poses it at that level or higher) and a
 * declared anomaly whose rule poses another gravité than its declaration lists; the codes, to tell a declaration or an
 * {@code @anomaliePosee} that names another code than the rule poses, and to refuse a calendar notice that would take
 * a code the chain already gives a meaning to.
 */
public final class GravitesEcrites {

    private static final Pattern GRAVITE = Pattern.compile("\\bGravite\\s*\\.\\s*(BLOQUANTE|MAJEURE|MINEURE|INFO)\\b");
    private static final Pattern NOUVELLE_ANOMALIE = Pattern.compile("\\bnew\\s+Anomalie\\s*\\(");
    private static final Pattern CODE_ECRIT = Pattern.compile("\\s*\"([^\"\\\\]+)\"\\s*,");

    private GravitesEcrites() {
    }

    /** What one pack's rules write, read in one parse. */
    private record Ecrits(Map<String, Set<Gravite>> gravites, Map<String, Set<String>> codes, Map<String, String> anomaliesPosees) {
    }

    /**
     * By pack content: parsing the national rules takes 20 to 40 ms, and every territory pack with a calendar notice
     * asks for its chain's codes at each load and reload.
     */
    private static final Cache<String, Ecrits> ECRITS = Caffeine.newBuilder().maximumSize(1024).build();

    /**
     * By rule id, the gravités its consequence names. A rule that names none (it computes its gravité) is absent:
     * nothing can then be said of it. The pack's rules have compiled before this is asked, so they parse.
     */
    public static Map<String, Set<Gravite>> parRegle(Pack pack) {
        return ecrits(pack).gravites();
    }

    /**
     * By rule id, the anomaly codes its consequence writes ({@code new Anomalie("CODE", …)}). A rule that poses none,
     * or computes one of its codes, is absent: nothing can then be said of it.
     */
    public static Map<String, Set<String>> codesParRegle(Pack pack) {
        return ecrits(pack).codes();
    }

    /**
     * By anomaly code, the id of a rule of the pack that poses it: as its {@code @anomaliePosee} declares, or, without
     * one, as its consequence writes it.
     */
    public static Map<String, String> anomaliesPosees(Pack pack) {
        return ecrits(pack).anomaliesPosees();
    }

    private static Ecrits ecrits(Pack pack) {
        return ECRITS.get(pack.empreinte(), e -> lire(pack));
    }

    private static Ecrits lire(Pack pack) {
        Map<String, Set<Gravite>> gravites = new HashMap<>();
        Map<String, Set<String>> codes = new HashMap<>();
        Map<String, String> posees = new HashMap<>();
        for (RuleDescr r : regles(pack)) {
            AnnotationDescr annotationId = r.getAnnotation("id");
            if (annotationId == null) {
                continue;
            }
            String id = sansGuillemets(annotationId.getSingleValueAsString());
            String consequence = String.valueOf(r.getConsequence());
            Set<Gravite> ecrites = ecrites(consequence);
            if (!ecrites.isEmpty()) {
                gravites.put(id, Set.copyOf(ecrites));
            }
            Set<String> ecrits = codesEcrits(consequence);
            if (ecrits != null && !ecrits.isEmpty()) {
                codes.put(id, ecrits);
            }
            AnnotationDescr code = r.getAnnotation("anomaliePosee");
            if (code != null) {
                posees.putIfAbsent(sansGuillemets(code.getSingleValueAsString()), id);
            } else if (ecrits != null) {
                ecrits.forEach(c -> posees.putIfAbsent(c, id));
            }
        }
        return new Ecrits(Map.copyOf(gravites), Map.copyOf(codes), Map.copyOf(posees));
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

    /** The codes of the anomalies a consequence creates; null when one of them is not written as a literal. */
    static Set<String> codesEcrits(String consequence) {
        Set<String> codes = new TreeSet<>();
        Matcher m = NOUVELLE_ANOMALIE.matcher(consequence);
        while (m.find()) {
            Matcher code = CODE_ECRIT.matcher(consequence).region(m.end(), consequence.length());
            if (!code.lookingAt()) {
                return null;
            }
            codes.add(code.group(1));
        }
        return Collections.unmodifiableSet(codes);
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
