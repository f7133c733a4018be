package fr.harmonie.regles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a chain of packs into one KieBase, with classic DRL (measured: faster to build than the executable model,
 * and no slower to run). Refuses a pack whose rules do not compile or lack the metadata every rule must carry.
 */
public final class CompilateurRegles {

    private static final AtomicLong COMPTEUR = new AtomicLong();

    private CompilateurRegles() {
    }

    public static ChaineCompilee compiler(List<Pack> chaine) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("fr.harmonie.chaines", "chaine-" + COMPTEUR.incrementAndGet(), "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, Pack> packParChemin = new HashMap<>();
        for (Pack pack : chaine) {
            for (Map.Entry<String, String> drl : pack.regles().entrySet()) {
                // Drools wants the folder to match the DRL package; the pack's own path stays in the error messages.
                String chemin = "src/main/resources/" + pack.packageDrl().replace('.', '/') + "/"
                        + drl.getKey().substring(drl.getKey().lastIndexOf('/') + 1);
                // Named UTF-8: Drools reads an unnamed encoding as the platform's, which under LC_ALL=C garbles every
                // accent of the messages and sources, and so changes the receipts (JarLivreIT).
                byte[] octets = drl.getValue().getBytes(StandardCharsets.UTF_8);
                kfs.write(chemin, ks.getResources().newByteArrayResource(octets, StandardCharsets.UTF_8.name()));
                packParChemin.put(chemin, pack);
            }
        }
        ClassLoader chargeur = ChargeurDeClassesDesRegles.INSTANCE;
        KieBuilder builder = ks.newKieBuilder(kfs, chargeur).buildAll(DrlProject.class);
        List<Message> erreurs = builder.getResults().getMessages(Message.Level.ERROR);
        if (!erreurs.isEmpty()) {
            Message m = erreurs.get(0);
            Map.Entry<String, Pack> source = packParChemin.entrySet().stream().filter(e -> e.getKey().endsWith(m.getPath()))
                    .findFirst().orElse(null);
            Pack pack = source == null ? null : source.getValue();
            String fichier = "regles/" + m.getPath().substring(m.getPath().lastIndexOf('/') + 1);
            int ligne = m.getLine() > 0 || pack == null ? m.getLine() : ligneProbable(pack.regles().get(fichier), m.getText());
            throw new PackInvalideException((pack == null ? "" : "pack " + pack.reference() + ", " + fichier) + " ligne " + ligne
                    + " : règle qui ne compile pas : " + m.getText().strip());
        }
        KieBase kieBase;
        try {
            KieContainer conteneur = ks.newKieContainer(releaseId, chargeur);
            // A compiled chain never gains or loses a rule (a reload compiles new chains). Said so, Drools gives each
            // session a plain identity fact store instead of one that sorts facts by class, which it rebuilds after
            // every reset of a pooled session: the rules run about 6 % faster (same dossier, alternated runs).
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(KieBaseMutabilityOption.DISABLED);
            kieBase = conteneur.newKieBase(conf);
        } finally {
            // The chain lives in our cache, not in Drools' global repository: keep that one from growing.
            ks.getRepository().removeKieModule(releaseId);
        }
        return new ChaineCompilee(chaine, kieBase, recenser(chaine, kieBase));
    }

    private static final java.util.regex.Pattern SYMBOLE = java.util.regex.Pattern.compile("\\.(\\w+)\\(\\)\\]|Near : \\{\\.\\.\\. *(\\w+)");

    /**
     * MVEL reports some constraint errors without a line: the line is then the first one of the file that holds the
     * symbol the error names, which is where an author would look anyway.
     */
    static int ligneProbable(String source, String erreur) {
        var m = SYMBOLE.matcher(erreur);
        if (source == null || !m.find()) {
            return -1;
        }
        String symbole = m.group(1) != null ? m.group(1) : m.group(2);
        String[] lignes = source.split("\n", -1);
        for (int i = 0; i < lignes.length; i++) {
            if (lignes[i].matches(".*\\b" + java.util.regex.Pattern.quote(symbole) + "\\b.*")) {
                return i + 1;
            }
        }
        return -1;
    }

    private static Map<String, RegleCompilee> recenser(List<Pack> chaine, KieBase kieBase) {
        Map<String, Integer> rangParPackage = new LinkedHashMap<>();
        for (int i = 0; i < chaine.size(); i++) {
            rangParPackage.put(chaine.get(i).packageDrl(), i);
        }
        Map<String, RegleCompilee> regles = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        List<String> problemes = new ArrayList<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule r : kp.getRules()) {
                Integer rang = rangParPackage.get(r.getPackageName());
                String fichier = fichier(r);
                if (rang == null) {
                    Pack auteur = packDuFichier(chaine, r);
                    problemes.add(auteur == null
                            ? fichier + " : la règle « " + r.getName() + " » est dans le package " + r.getPackageName()
                                    + ", qui n'est celui d'aucun pack de la chaîne"
                            : "pack " + auteur.reference() + ", " + fichier + " : la règle « " + r.getName() + " » est dans le"
                                    + " package " + r.getPackageName() + " ; les règles de ce pack s'y rattachent par la ligne"
                                    + " « package " + auteur.packageDrl() + "; » en tête du fichier");
                    continue;
                }
                Pack pack = chaine.get(rang);
                String ou = "pack " + pack.reference() + ", " + fichier + " : règle « " + r.getName() + " »";
                String id = meta(r, "id");
                String reference = meta(r, "reference");
                Etape etape = Etape.duGroupe(((RuleImpl) r).getAgendaGroup());
                if (id == null) {
                    problemes.add(ou + " sans @id");
                } else if (ids.putIfAbsent(id, ou) != null) {
                    problemes.add(ou + " : @id " + id + " déjà porté par " + ids.get(id));
                }
                if (reference == null) {
                    problemes.add(ou + " sans @reference (sa source)");
                }
                if (etape == null) {
                    problemes.add(ou + " hors des étapes (ruleflow-group qualification, pieces, anomalies ou maturite)");
                }
                horloge((RuleImpl) r, pack, fichier, ou, problemes);
                regles.put(ChaineCompilee.cle(r.getPackageName(), r.getName()), new RegleCompilee(id, r.getName(), fichier,
                        new Origine(id, pack.reference(), reference), rang, etape, "true".equals(meta(r, "derogeable")),
                        meta(r, "pieceExigee"), meta(r, "anomaliePosee")));
            }
        }
        if (!problemes.isEmpty()) {
            throw new PackInvalideException(String.join("\n", problemes));
        }
        return regles;
    }

    /**
     * date-effective, date-expires, timer and calendars make a rule follow the server's clock: the same dossier would get
     * another result, and another receipt, depending on the day it is evaluated, and a sealed evaluation would no longer
     * replay. When a rule applies is its pack version's validFrom, or a dated parameter, both read at the dossier's
     * dateReference.
     */
    private static void horloge(RuleImpl r, Pack pack, String fichier, String ou, List<String> problemes) {
        List<String> attributs = new ArrayList<>();
        if (r.getDateEffective() != null) {
            attributs.add("date-effective");
        }
        if (r.getDateExpires() != null) {
            attributs.add("date-expires");
        }
        if (r.getTimer() != null) {
            attributs.add("timer");
        }
        if (r.hasCalendars()) {
            attributs.add("calendars");
        }
        for (String attribut : attributs) {
            int ligne = ligneDansLaRegle(pack.regles().get(fichier), r.getName(), attribut);
            problemes.add(ou.replace(fichier + " :", fichier + (ligne > 0 ? " ligne " + ligne : "") + " :") + " : « "
                    + attribut + " » suit l'horloge du serveur, pas la date de référence du dossier (un même dossier"
                    + " changerait de résultat et de reçu selon le jour) : dater la version du pack (validFrom) ou un"
                    + " paramètre (parametres/), que les règles lisent à la date de référence");
        }
    }

    /** The line of {@code motCle} in the rule named {@code nom} of {@code source}, or -1. */
    private static int ligneDansLaRegle(String source, String nom, String motCle) {
        if (source == null) {
            return -1;
        }
        String[] lignes = source.split("\n", -1);
        boolean dedans = false;
        for (int i = 0; i < lignes.length; i++) {
            String l = lignes[i].strip();
            if (l.startsWith("rule ") && l.contains("\"" + nom + "\"")) {
                dedans = true;
            } else if (dedans && l.startsWith(motCle)) {
                return i + 1;
            } else if (dedans && (l.equals("when") || l.startsWith("end"))) {
                dedans = false;
            }
        }
        return -1;
    }

    /** The pack whose file holds the rule: each pack's files are written under the folder of its own DRL package. */
    private static Pack packDuFichier(List<Pack> chaine, Rule r) {
        var ressource = ((RuleImpl) r).getResource();
        String chemin = ressource == null ? null : ressource.getSourcePath();
        if (chemin == null) {
            return null;
        }
        for (Pack p : chaine) {
            if (("/" + chemin).contains("/" + p.packageDrl().replace('.', '/') + "/")) {
                return p;
            }
        }
        return null;
    }

    private static String fichier(Rule r) {
        var ressource = ((RuleImpl) r).getResource();
        String chemin = ressource == null ? null : ressource.getSourcePath();
        if (chemin == null) {
            return "?";
        }
        return "regles/" + chemin.substring(chemin.lastIndexOf('/') + 1);
    }

    /** Drools keeps metadata values as written; a quoted string comes back with its quotes on some paths. */
    static String meta(Rule r, String cle) {
        Object v = r.getMetaData().get(cle);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }
}
