package fr.harmonie.dossiers;

import fr.harmonie.comptes.Utilisateur;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the journal says of deposits and requests for compléments over a period, counted per territory, for the dossiers
 * the user sees (the same visibility as the list): deposits per month (the year-end peak a region tries to smooth), the
 * answers to compléments among them, the requests for compléments and the pieces they name, the instructions closed
 * (how long they took, the sense of their decision) and the requests withdrawn. Read from the journal, which keeps every
 * deposit and every request, not from the dossiers, which keep only the last; the maturity and anomalies at deposit are read from each dossier's last deposit's sealed
 * evaluation. All in one repeatable-read snapshot, so that the figures agree with each other while deposits go on.
 */
@Repository
class ActiviteDesDepots {

    /** Deposits of one territory in one month (Paris time), and how many of them answered compléments. */
    record Depots(String territoire, String mois, long depots, long reponses) { }

    /** An answer to compléments deposited in the period to one territory, and how many days after the request it answers. */
    record Reponse(String territoire, double jours) { }

    /** Requests for compléments of one territory, and how many named pieces. */
    record Demandes(String territoire, long demandes, long nommantDesPieces) { }

    /** Requests withdrawn by their bailleur from one territory. */
    record Retraits(String territoire, long retraits) { }

    /** How many requests of one territory named one piece. */
    record PieceDemandee(String territoire, String code, long demandes) { }

    /** How many dossiers of one territory had one piece judged non-compliant on their checklist in the period. */
    record PieceNonConforme(String territoire, String code, long dossiers) { }

    /** Dossiers of one territory last deposited in the period at one maturity level (of their deposit's evaluation). */
    record MaturiteAuDepot(String territoire, String niveau, long dossiers) { }

    /** Dossiers of one territory last deposited in the period whose deposit's evaluation carries one anomaly. */
    record AnomalieAuDepot(String territoire, String code, String gravite, long dossiers) { }

    /**
     * Instructions closed in one month (Paris time) of the period for one territory with one sense of decision (null:
     * unsaid), how long each took, and how many of them decided a request for agrément after its silence had been
     * worth rejection (RejetImplicite).
     */
    record Instruits(String territoire, String mois, String decision, List<DureeDInstruction> durees, long apresRejetImplicite) { }

    record Lue(List<Depots> depots, List<Reponse> reponses, List<Demandes> demandes, List<PieceDemandee> pieces,
               List<PieceNonConforme> nonConformes, List<MaturiteAuDepot> maturites,
               List<AnomalieAuDepot> anomalies, List<Instruits> instruits, List<Retraits> retraits) { }

    /** The dossiers the user sees whose last deposit falls in the period, with its sealed evaluation {@code e}. */
    private static String deposes(String jointure) {
        return " FROM dossier d JOIN evaluation e ON e.id = d.evaluation_depot " + jointure
                + " WHERE d.depose_le >= :debut AND d.depose_le < :fin AND d.territoire IS NOT NULL AND (" + DossiersStore.VISIBLE + ")";
    }

    /**
     * The service a journal line {@code j} of a dossier was addressed to, or that acted: the territory the line names
     * (every deposit, and every instruction step since they name it), else the one of the dossier's last deposit up to
     * the line. A dossier whose answer to compléments went to a pack published since its first deposit counts its first
     * deposit and the request under the service that received and asked them, not under the one that instructs it today.
     */
    private static final String SERVICE = """
            COALESCE(j.detail ->> 'territoire',
                     (SELECT p.detail ->> 'territoire' FROM journal p WHERE p.objet = j.objet AND p.action = 'DEPOT' AND p.id <= j.id
                      ORDER BY p.id DESC LIMIT 1),
                     d.territoire)""";

    /**
     * The journal lines of {@code :action} between {@code :debut} and {@code :fin} about the dossiers the user sees,
     * each with what {@code jointure} adds to it.
     */
    private static String lignes(String jointure) {
        return " FROM dossier d JOIN journal j ON j.objet = 'dossier:' || d.id::text " + jointure
                + " WHERE j.action = :action AND j.quand >= :debut AND j.quand < :fin AND d.territoire IS NOT NULL AND ("
                + DossiersStore.VISIBLE + ")";
    }

    /**
     * The close {@code j} was not undone: the service reopens only a closed instruction, so a close followed by a
     * reopening before any other close is one it undid (a close by mistake), and counts neither as a close nor in the
     * duration of the instruction, which goes on to the next close.
     */
    private static final String UNE_CLOTURE_NON_DEFAITE = """
             AND COALESCE((SELECT r.action FROM journal r WHERE r.objet = j.objet AND r.id > j.id
                           AND r.action IN ('INSTRUIRE', 'ROUVRIR_INSTRUCTION') ORDER BY r.id LIMIT 1), '') <> 'ROUVRIR_INSTRUCTION'""";

    private final JdbcClient jdbc;
    private final TransactionTemplate instantane;

    ActiviteDesDepots(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.instantane = Instantanes.enLectureSeule(transaction);
    }

    Lue lire(Utilisateur u, LocalDate du, LocalDate au) {
        return instantane.execute(t -> lireDansLInstantane(u, du, au));
    }

    private Lue lireDansLInstantane(Utilisateur u, LocalDate du, LocalDate au) {
        Map<String, Object> p = new HashMap<>(DossiersStore.filtre(u));
        p.put("debut", JoursAParis.debut(du));
        p.put("fin", JoursAParis.fin(au));
        p.put("action", "DEPOT");
        List<Depots> depots = jdbc.sql("SELECT " + SERVICE + ", to_char(j.quand AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), count(*),"
                        + " count(*) FILTER (WHERE j.detail -> 'evaluationDepotPrecedent' IS NOT NULL)" + lignes("") + " GROUP BY 1, 2")
                .params(p).query((rs, n) -> new Depots(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
        // An answer is a deposit whose dossier's previous step was a request for compléments: timed from that request.
        List<Reponse> reponses = jdbc.sql("SELECT " + SERVICE + ", extract(epoch FROM j.quand - q.quand) / 86400"
                        + lignes("""
                        CROSS JOIN LATERAL (SELECT p.action, p.quand FROM journal p WHERE p.objet = j.objet AND p.id < j.id
                                            AND p.action IN ('DEPOT', 'DEMANDER_COMPLEMENTS') ORDER BY p.id DESC LIMIT 1) q""")
                        + " AND q.action = 'DEMANDER_COMPLEMENTS'")
                .params(p).query((rs, n) -> new Reponse(rs.getString(1), rs.getDouble(2))).list();
        p.put("action", "DEMANDER_COMPLEMENTS");
        List<Demandes> demandes = jdbc.sql("SELECT " + SERVICE + ", count(*), count(*) FILTER (WHERE j.detail -> 'pieces' IS NOT NULL)"
                        + lignes("") + " GROUP BY 1")
                .params(p).query((rs, n) -> new Demandes(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<PieceDemandee> pieces = jdbc.sql("SELECT " + SERVICE + ", piece.code, count(*)"
                        + lignes("CROSS JOIN LATERAL jsonb_array_elements_text(j.detail -> 'pieces') AS piece(code)") + " GROUP BY 1, 2")
                .params(p).query((rs, n) -> new PieceDemandee(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        p.put("action", "CONTROLE_PIECE");
        // Judged non-compliant in the period, once per dossier and piece however often: what a good-practice sheet explains.
        List<PieceNonConforme> nonConformes = jdbc.sql("SELECT " + SERVICE + ", j.detail ->> 'code', count(DISTINCT j.objet)"
                        + lignes("") + " AND j.detail ->> 'etat' = 'NON_CONFORME' GROUP BY 1, 2")
                .params(p).query((rs, n) -> new PieceNonConforme(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        List<MaturiteAuDepot> maturites = jdbc.sql("SELECT d.territoire, e.resultat -> 'maturite' ->> 'niveau', count(*)"
                        + deposes("") + " GROUP BY 1, 2")
                .params(p).query((rs, n) -> new MaturiteAuDepot(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        // A dossier counts once per anomaly, however many fields carry it (with its gravité, which a pack may raise).
        List<AnomalieAuDepot> anomalies = jdbc.sql("SELECT d.territoire, a ->> 'code', a ->> 'gravite', count(DISTINCT d.id)"
                        + deposes("CROSS JOIN LATERAL jsonb_array_elements(e.resultat -> 'anomalies') AS a") + " GROUP BY 1, 2, 3")
                .params(p).query((rs, n) -> new AnomalieAuDepot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        p.put("action", "RETRAIT");
        List<Retraits> retraits = jdbc.sql("SELECT " + SERVICE + ", count(*)" + lignes("") + " GROUP BY 1")
                .params(p).query((rs, n) -> new Retraits(rs.getString(1), rs.getLong(2))).list();
        // Each instruction closed in the period, with its dossier's deposits and requests up to the close, in order.
        p.put("action", "INSTRUIRE");
        record Cloture(String territoire, String mois, String decision) { }
        Map<Long, Cloture> clotures = new LinkedHashMap<>();
        Set<Long> demandesDAgrement = new HashSet<>();
        Map<Long, List<DureeDInstruction.Etape>> etapesDe = new HashMap<>();
        // The sense of its decision as the service last said it: corrected since, the correction counts, in the close's month.
        jdbc.sql("SELECT s.service, to_char(j.quand AT TIME ZONE 'Europe/Paris', 'YYYY-MM'), j.id, e.action, e.quand,"
                        + " COALESCE((SELECT c.detail ->> 'decision' FROM journal c WHERE c.objet = j.objet"
                        + " AND c.action = 'CORRIGER_DECISION' AND c.id > j.id ORDER BY c.id DESC LIMIT 1), j.detail ->> 'decision'),"
                        + " coalesce(d.contenu ->> 'phase', 'AGREMENT') = 'AGREMENT'"
                        + lignes("CROSS JOIN LATERAL (SELECT " + SERVICE + " AS service) s " + """
                        JOIN journal e ON e.objet = j.objet AND e.id <= j.id
                         AND e.action IN ('DEPOT', 'DEMANDER_COMPLEMENTS', 'INSTRUIRE')""") + UNE_CLOTURE_NON_DEFAITE + " ORDER BY j.id, e.id")
                .params(p).query(rs -> {
                    long instruit = rs.getLong(3);
                    clotures.putIfAbsent(instruit, new Cloture(rs.getString(1), rs.getString(2), rs.getString(6)));
                    if (rs.getBoolean(7)) {
                        demandesDAgrement.add(instruit);
                    }
                    etapesDe.computeIfAbsent(instruit, i -> new ArrayList<>()).add(new DureeDInstruction.Etape(rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant()));
                });
        Map<Cloture, List<DureeDInstruction>> durees = new TreeMap<>(Comparator.comparing(Cloture::territoire)
                .thenComparing(Cloture::mois).thenComparing(Cloture::decision, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<Cloture, Long> apresRejetImplicite = new HashMap<>();
        clotures.forEach((instruit, c) -> {
            List<DureeDInstruction.Etape> etapes = etapesDe.get(instruit);
            DureeDInstruction duree = DureeDInstruction.de(etapes);
            if (duree != null) {
                durees.computeIfAbsent(c, k -> new ArrayList<>()).add(duree);
                // The request's date is its first deposit; the close timed is the last line read, this close.
                Instant premierDepot = etapes.stream().filter(e -> e.action().equals("DEPOT")).findFirst().orElseThrow().quand();
                boolean depasse = RejetImplicite.depasse(premierDepot, etapes.get(etapes.size() - 1).quand());
                apresRejetImplicite.merge(c, demandesDAgrement.contains(instruit) && depasse ? 1L : 0L, Long::sum);
            }
        });
        List<Instruits> instruits = durees.entrySet().stream()
                .map(e -> new Instruits(e.getKey().territoire(), e.getKey().mois(), e.getKey().decision(), e.getValue(),
                        apresRejetImplicite.get(e.getKey()))).toList();
        return new Lue(depots, reponses, demandes, pieces, nonConformes, maturites, anomalies, instruits, retraits);
    }
}
