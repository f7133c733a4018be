package fr.harmonie.dossiers;

import fr.harmonie.catalogue.EntreeCatalogue;
import fr.harmonie.comptes.CompteAuthentifie;
import fr.harmonie.evaluation.Evaluateur;
import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.territoires.RegistrePacks;
import fr.harmonie.web.FormatDeReponse;
import fr.harmonie.web.FormatDeReponse.Forme;
import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deposits, requests for compléments and instructions over a period, per territory, for what the account sees: a DREAL
 * compares its territories' practice (which pieces come back in compléments, how mature dossiers are when deposited,
 * how long instruction takes, how the deposits crowd into November and December), a service reads its own, a bailleur
 * what the services asked of it.
 */
@RestController
@Tag(name = "Statistiques", description = "Dépôts et compléments demandés, par territoire et par mois.")
class StatistiquesController {

    /** Monthly counts for ten years at most: a period longer than that is not a comparison of practices. */
    private static final int ANNEES_AU_PLUS = 10;
    /** The form for a spreadsheet, beside JSON (the default; an Accept that names neither gets JSON too). */
    private static final Forme CSV = new Forme("csv", FormatDeLaListe.CSV.type());
    private static final List<String> NIVEAUX = List.of("PREMATUREE", "A_CONSOLIDER", "MURE");
    /** Instructions closed without the service saying the sense of the decision. */
    private static final String NON_RENSEIGNEE = "NON_RENSEIGNEE";
    private static final LocalDate PREMIER_JOUR = LocalDate.of(2000, 1, 1);
    private static final LocalDate DERNIER_JOUR = LocalDate.of(2999, 12, 31);

    private final ActiviteDesDepots activite;
    private final RegistreCourant registre;
    private final Clock horloge;

    StatistiquesController(ActiviteDesDepots activite, RegistreCourant registre, Clock horloge) {
        this.activite = activite;
        this.registre = registre;
        this.horloge = horloge;
    }

    @Operation(summary = "Dépôts et compléments demandés, par territoire et par mois (les dossiers que le compte voit)",
            description = "du et au (AAAA-MM-JJ, jours de Paris, compris l'un et l'autre) : par défaut les douze derniers mois."
                    + " Comptés au journal : chaque dépôt, dont les réponses à des compléments, et chaque demande de compléments,"
                    + " avec les pièces qu'elle nomme ; puis, des dossiers dont le dernier dépôt tombe dans la période, la maturité"
                    + " et les anomalies de ce dépôt ; enfin les instructions closes, par mois, la médiane de leur durée depuis le premier"
                    + " dépôt et celle du temps passé entre les mains du service (l'attente des compléments ôtée) ; et, des"
                    + " réponses à des compléments déposées dans la période, la médiane des jours mis à répondre."
                    + " Avec format=csv, un tableau pour un tableur.")
    @ApiResponse(responseCode = "200", description = "Les comptes de la période : ensemble, puis par territoire.")
    @ApiResponse(responseCode = "400", description = "Date mal écrite, du après au, ou période de plus de dix ans.")
    @GetMapping("/api/v1/statistiques")
    ResponseEntity<?> statistiques(@AuthenticationPrincipal CompteAuthentifie compte, @RequestParam(required = false) String du,
                                   @RequestParam(required = false) String au,
                                   @Parameter(description = "json (par défaut) ou csv : pour un tableur, une ligne pour l'ensemble puis"
                                           + " une par territoire, les dépôts de chaque mois en colonnes (ou Accept: text/csv).")
                                   @RequestParam(required = false) String format,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Forme forme = FormatDeReponse.lire(List.of(FormatDeReponse.JSON, CSV), format, accept,
                x -> "« format » vaut json (par défaut) ou csv pour un tableur : « " + x + " » n'est ni l'un ni l'autre.");
        LocalDate fin = au == null ? Evaluateur.aujourdhui(horloge) : jour("au", au);
        LocalDate debut = du == null ? fin.minusYears(1).plusDays(1) : jour("du", du);
        if (debut.isAfter(fin)) {
            throw refus("« du » (" + debut + ") est après « au » (" + fin + ") ; les deux jours sont compris dans la période.");
        }
        if (debut.isBefore(fin.minusYears(ANNEES_AU_PLUS))) {
            throw refus("Du " + debut + " au " + fin + " : une période tient en " + ANNEES_AU_PLUS + " ans au plus.");
        }
        ActiviteDesDepots.Lue lue = activite.lire(compte.utilisateur(), debut, fin);
        List<String> mois = mois(debut, fin);
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("du", debut.toString());
        corps.put("au", fin.toString());
        corps.put("ensemble", bilan(lue, t -> true, mois));
        TreeSet<String> territoires = new TreeSet<>();
        lue.depots().forEach(d -> territoires.add(d.territoire()));
        lue.demandes().forEach(d -> territoires.add(d.territoire()));
        lue.instruits().forEach(i -> territoires.add(i.territoire()));
        lue.retraits().forEach(r -> territoires.add(r.territoire()));
        corps.put("territoires", territoires.stream().map(t -> {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("territoire", t);
            b.putAll(bilan(lue, t::equals, mois));
            return b;
        }).sorted(Comparator.comparing((Map<String, Object> b) -> -((Long) b.get("depots")))).toList());
        if (forme == CSV) {
            return ResponseEntity.ok().contentType(CSV.type()).header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"statistiques-" + debut + "-" + fin + ".csv\"").body(StatistiquesEnCsv.ecrire(corps));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(corps);
    }

    /** The counts of the territories {@code retenu} keeps, with a month for every month of the period, zeros included. */
    private Map<String, Object> bilan(ActiviteDesDepots.Lue lue, Predicate<String> retenu, List<String> mois) {
        Map<String, Object> b = new LinkedHashMap<>();
        List<ActiviteDesDepots.Depots> depots = lue.depots().stream().filter(d -> retenu.test(d.territoire())).toList();
        b.put("depots", depots.stream().mapToLong(ActiviteDesDepots.Depots::depots).sum());
        b.put("reponsesAuxComplements", depots.stream().mapToLong(ActiviteDesDepots.Depots::reponses).sum());
        // How long bailleurs took to answer: where it is long, the requests may be unclear, or the pieces hard to get.
        List<Double> reponses = lue.reponses().stream().filter(r -> retenu.test(r.territoire()))
                .map(ActiviteDesDepots.Reponse::jours).toList();
        if (!reponses.isEmpty()) {
            b.put("delaiMedianReponseAuxComplementsJours", medianeAuDixieme(reponses));
        }
        Map<String, Long> parMois = new LinkedHashMap<>();
        mois.forEach(m -> parMois.put(m, 0L));
        depots.forEach(d -> parMois.merge(d.mois(), d.depots(), Long::sum));
        b.put("depotsParMois", parMois);
        List<ActiviteDesDepots.Demandes> demandes = lue.demandes().stream().filter(d -> retenu.test(d.territoire())).toList();
        b.put("demandesDeComplements", demandes.stream().mapToLong(ActiviteDesDepots.Demandes::demandes).sum());
        b.put("demandesNommantDesPieces", demandes.stream().mapToLong(ActiviteDesDepots.Demandes::nommantDesPieces).sum());
        Map<String, Long> pieces = new LinkedHashMap<>();
        lue.pieces().stream().filter(p -> retenu.test(p.territoire()))
                .forEach(p -> pieces.merge(p.code(), p.demandes(), Long::sum));
        // The pieces most often asked first: those a good-practice sheet should explain better.
        b.put("piecesDemandees", pieces.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> piece(e.getKey(), e.getValue(), "demandes")).toList());
        Map<String, Long> nonConformes = new LinkedHashMap<>();
        lue.nonConformes().stream().filter(p -> retenu.test(p.territoire()))
                .forEach(p -> nonConformes.merge(p.code(), p.dossiers(), Long::sum));
        // The pieces the checklists most often found non-compliant: the other half of what a sheet should explain.
        b.put("piecesNonConformes", nonConformes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> piece(e.getKey(), e.getValue(), "dossiers")).toList());
        Map<String, Long> maturites = new LinkedHashMap<>();
        NIVEAUX.forEach(n -> maturites.put(n, 0L));
        lue.maturites().stream().filter(m -> retenu.test(m.territoire())).forEach(m -> maturites.merge(m.niveau(), m.dossiers(), Long::sum));
        b.put("dossiersDeposes", maturites.values().stream().mapToLong(Long::longValue).sum());
        b.put("maturiteAuDepot", maturites);
        Map<List<String>, Long> anomalies = new LinkedHashMap<>();
        lue.anomalies().stream().filter(a -> retenu.test(a.territoire()))
                .forEach(a -> anomalies.merge(List.of(a.code(), a.gravite()), a.dossiers(), Long::sum));
        b.put("anomaliesAuDepot", anomalies.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().get(0)).thenComparing(e -> e.getKey().get(1)))
                .map(e -> anomalie(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList());
        List<ActiviteDesDepots.Instruits> instruits = lue.instruits().stream().filter(i -> retenu.test(i.territoire())).toList();
        List<DureeDInstruction> durees = instruits.stream().flatMap(i -> i.durees().stream()).toList();
        b.put("instruits", (long) durees.size());
        Map<String, Long> instruitsParMois = new LinkedHashMap<>();
        mois.forEach(m -> instruitsParMois.put(m, 0L));
        instruits.forEach(i -> instruitsParMois.merge(i.mois(), (long) i.durees().size(), Long::sum));
        b.put("instruitsParMois", instruitsParMois);
        Map<String, Long> decisions = new LinkedHashMap<>();
        CycleDossier.DECISIONS.forEach(d -> decisions.put(d, 0L));
        decisions.put(NON_RENSEIGNEE, 0L);
        instruits.forEach(i -> decisions.merge(i.decision() == null ? NON_RENSEIGNEE : i.decision(), (long) i.durees().size(), Long::sum));
        b.put("decisions", decisions);
        // The agréments of each month: the year-end concentration the AURA lissage démarche is about is one of
        // agréments, which closes of either sense would blur.
        Map<String, Long> favorablesParMois = new LinkedHashMap<>();
        mois.forEach(m -> favorablesParMois.put(m, 0L));
        instruits.stream().filter(i -> "FAVORABLE".equals(i.decision()))
                .forEach(i -> favorablesParMois.merge(i.mois(), (long) i.durees().size(), Long::sum));
        b.put("favorablesParMois", favorablesParMois);
        // Decided after the four months whose silence is worth rejection (former R. 331-6): the practice a region compares.
        b.put("instruitsApresRejetImplicite", instruits.stream().mapToLong(ActiviteDesDepots.Instruits::apresRejetImplicite).sum());
        b.put("retraits", lue.retraits().stream().filter(r -> retenu.test(r.territoire()))
                .mapToLong(ActiviteDesDepots.Retraits::retraits).sum());
        if (!durees.isEmpty()) {
            b.put("delaiMedianJours", medianeAuDixieme(durees.stream().map(DureeDInstruction::totalJours).toList()));
            b.put("delaiMedianAuServiceJours", medianeAuDixieme(durees.stream().map(DureeDInstruction::auServiceJours).toList()));
        }
        return b;
    }

    private static double medianeAuDixieme(List<Double> jours) {
        List<Double> tries = jours.stream().sorted().toList();
        int n = tries.size();
        double mediane = n % 2 == 1 ? tries.get(n / 2) : (tries.get(n / 2 - 1) + tries.get(n / 2)) / 2;
        return Math.round(mediane * 10) / 10.0;
    }

    private static Map<String, Object> anomalie(String code, String gravite, long dossiers) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", code);
        a.put("gravite", gravite);
        a.put("dossiers", dossiers);
        return a;
    }

    /** A piece with its label and how many times ({@code compte}: « demandes », « dossiers »). */
    private Map<String, Object> piece(String code, long nombre, String compte) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        String libelle = libelle(code);
        if (libelle != null) {
            p.put("libelle", libelle);
        }
        p.put(compte, nombre);
        return p;
    }

    /** The label of a piece in the packs served: the socle's, or the pack that added it (null for a piece since removed). */
    private String libelle(String code) {
        RegistrePacks packs = registre.registre();
        EntreeCatalogue nationale = packs.national().catalogue().entree(code);
        if (nationale != null) {
            return nationale.libelle();
        }
        return packs.identifiants().stream().map(packs::derniereVersion).filter(Objects::nonNull).map(Pack::catalogue)
                .map(c -> c.entree(code)).filter(Objects::nonNull).map(EntreeCatalogue::libelle).findFirst().orElse(null);
    }

    /** A day of Harmonie's time: a year of four digits, from 2000 (a date far outside is a typing slip, not a period). */
    private static LocalDate jour(String parametre, String texte) {
        LocalDate jour = FiltresDeLaListe.jourEcrit(parametre, texte);
        if (jour.isBefore(PREMIER_JOUR) || jour.isAfter(DERNIER_JOUR)) {
            throw refus("« " + parametre + " » : " + jour + " est hors des années " + PREMIER_JOUR.getYear() + " à "
                    + DERNIER_JOUR.getYear() + ".");
        }
        return jour;
    }

    private static List<String> mois(LocalDate debut, LocalDate fin) {
        List<String> mois = new ArrayList<>();
        for (YearMonth m = YearMonth.from(debut); !m.isAfter(YearMonth.from(fin)); m = m.plusMonths(1)) {
            mois.add(m.toString());
        }
        return mois;
    }

    private static ProblemeHttpException refus(String detail) {
        return new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Période invalide", detail);
    }
}
