package fr.harmonie.dossiers;

import fr.harmonie.comptes.Utilisateur;
import fr.harmonie.stockage.ActionJournal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Les dossiers en base. Toute lecture passe par le filtre de visibilité de l'utilisateur: jamais les données d'un autre. */
@Repository
class DossiersStore {

    /** Everything but the content, which a list does not read. */
    private static final String COLONNES = "id, organisation_id, statut, version, territoire, region, message_instruction, "
            + "message_depot, chaine, date_reference_depot, evaluation_depot, depose_le, cree_le, modifie_le, instructeur, pieces_demandees, decision, message_retrait, "
            + "premier_depot_le, statut_depuis, modifie_par, "
            + Apercu.COLONNES;

    private static RowMapper<DossierStocke> ligne(boolean avecContenu) {
        return (rs, n) -> new DossierStocke(rs.getObject("id", UUID.class),
                rs.getLong("organisation_id"), rs.getString("statut"), avecContenu ? rs.getString("contenu") : null, Apercu.de(rs),
                rs.getInt("version"), rs.getString("territoire"), rs.getString("region"), rs.getString("message_instruction"),
                rs.getString("message_depot"), rs.getString("chaine"), rs.getObject("date_reference_depot", LocalDate.class),
                rs.getObject("evaluation_depot", UUID.class), rs.getObject("depose_le", OffsetDateTime.class),
                rs.getObject("cree_le", OffsetDateTime.class), rs.getObject("modifie_le", OffsetDateTime.class),
                rs.getString("instructeur"), rs.getString("pieces_demandees"), rs.getString("decision"),
                rs.getString("message_retrait"), rs.getObject("premier_depot_le", OffsetDateTime.class),
                rs.getObject("statut_depuis", OffsetDateTime.class), rs.getString("modifie_par"));
    }

    /**
     * Ce qu'un utilisateur voit: un bailleur, les dossiers de son organisation; un instructeur, les dossiers déposés
     * de ses territoires; une DREAL, ceux de sa région; les autres, rien. Un brouillon supprimé, personne.
     */
    static final String VISIBLE = """
            supprime_le IS NULL
            AND ((:role = 'BAILLEUR' AND organisation_id = :organisation)
             OR (:role = 'INSTRUCTEUR' AND statut <> 'BROUILLON'
                 AND territoire IN (SELECT pack_id FROM organisation_territoire WHERE organisation_id = :organisation))
             OR (:role = 'DREAL' AND statut <> 'BROUILLON' AND region = :region))""";

    private final JdbcClient jdbc;

    DossiersStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void creer(UUID id, long organisation, String contenu, String qui) {
        jdbc.sql("INSERT INTO dossier (id, organisation_id, statut, contenu, version, modifie_par) VALUES (?, ?, 'BROUILLON', ?::jsonb, 1, ?)")
                .params(id, organisation, contenu, qui).update();
    }

    Optional<DossierStocke> visible(UUID id, Utilisateur u) {
        return jdbc.sql("SELECT " + COLONNES + ", contenu FROM dossier WHERE id = :id AND " + VISIBLE)
                .param("id", id).params(filtre(u)).query(ligne(true)).optional();
    }

    /**
     * Those of {@code ids} the user still sees, each with its content, in the order given: a file of dossiers read whole
     * is written a few at a time, as it is sent, rather than holding every content (up to 2 MiB each) at once.
     */
    List<DossierStocke> visiblesAvecContenu(List<UUID> ids, Utilisateur u) {
        Map<UUID, DossierStocke> lus = new HashMap<>();
        jdbc.sql("SELECT " + COLONNES + ", contenu FROM dossier WHERE id IN (:ids) AND " + VISIBLE)
                .param("ids", ids).params(filtre(u)).query(ligne(true)).list().forEach(d -> lus.put(d.id(), d));
        return ids.stream().map(lus::get).filter(Objects::nonNull).toList();
    }

    /** The same, as a list shows it (without its content): where a client resumes a list. */
    Optional<DossierStocke> visibleSansContenu(UUID id, Utilisateur u) {
        return jdbc.sql("SELECT " + COLONNES + " FROM dossier WHERE id = :id AND " + VISIBLE)
                .param("id", id).params(filtre(u)).query(ligne(false)).optional();
    }

    /**
     * What a list keeps: {@code statuts} (empty for all), and, when not null, the dossier's own {@code reference} (case
     * and surrounding spaces aside), its
     * commune's INSEE code, or the pack it was deposited with ({@code territoire}); {@code niveaux} (empty for all):
     * the maturity level its last evaluation gives, so only evaluated dossiers. {@code tri}: the order (TriDeLaListe).
     * {@code deposeDu}, {@code deposeAu} (when not null): last deposited from that day, up to that day included, in Paris.
     * {@code siren}, {@code phase} (when not null): the maître d'ouvrage's, and the dossier's phase; {@code instructeur}:
     * the account that last took it in instruction; {@code decision}: the sense of the decision that closed it;
     * {@code rejetImpliciteAvant}: requests awaiting their decision whose silence would be worth rejection by that day
     * included (RejetImplicite); {@code modifieDepuis}: changed (modifieLe) at that instant or since, what a bailleur's
     * system asks to follow its dossiers without reading them all again; {@code recherche}: words, folded, each of which
     * the reference, the operation's name, the commune or the maître d'ouvrage holds (RechercheDeTexte);
     * {@code statutDepuisAvant}: at their status since that day (Paris) or before.
     */
    record Filtre(Set<String> statuts, String reference, String commune, String territoire, Set<String> niveaux,
                  TriDeLaListe tri, LocalDate deposeDu, LocalDate deposeAu, String siren, String phase, String instructeur,
                  Boolean attribue, String decision, LocalDate rejetImpliciteAvant, OffsetDateTime modifieDepuis,
                  List<String> recherche, LocalDate statutDepuisAvant) {

        private String ordre() {
            return tri.colonne();
        }

        /** Where {@code d} stands in that order: the value of {@link #ordre()}'s column. */
        private OffsetDateTime rang(DossierStocke d) {
            return tri.rang(d);
        }

        private String sql() {
            return (tri.deposesSeulement() ? " AND " + tri.colonne() + " IS NOT NULL" : "")
                    + (statuts.isEmpty() ? "" : " AND statut IN (:statuts)")
                    // As people retype their references: « ref-2026-04 » or « REF-2026-04 » finds REF-2026-04.
                    + (reference == null ? "" : " AND lower(btrim(contenu->>'reference')) = lower(btrim(:reference))")
                    + (commune == null ? "" : " AND contenu#>>'{operation,commune,codeInsee}' = :commune")
                    + (territoire == null ? "" : " AND territoire = :territoire")
                    + (siren == null ? "" : " AND contenu#>>'{maitreOuvrage,siren}' = :siren")
                    // The contract's default: a dossier that names no phase is a request for agrément.
                    + (phase == null ? "" : " AND coalesce(contenu->>'phase', 'AGREMENT') = :phase")
                    + (instructeur == null ? "" : " AND instructeur = :instructeur")
                    + (attribue == null ? "" : attribue ? " AND instructeur IS NOT NULL" : " AND instructeur IS NULL")
                    + (decision == null ? "" : " AND decision = :decision")
                    + (rejetImpliciteAvant == null ? "" : " AND " + RejetImplicite.JOUR_SQL + " <= :rejetImpliciteAvant")
                    + (modifieDepuis == null ? "" : " AND modifie_le >= :modifieDepuis")
                    + RechercheDeTexte.sql(recherche)
                    // At their status since that day (in Paris) or before: compléments awaited for a month, to relaunch.
                    + (statutDepuisAvant == null ? "" : " AND statut_depuis < :lendemainDuStatut")
                    // Days of Paris, both included: « déposés du 1er novembre au 31 décembre », at their last deposit.
                    + (deposeDu == null ? "" : " AND depose_le >= :deposeDu")
                    + (deposeAu == null ? "" : " AND depose_le < :lendemainDuDernierJour")
                    // The last evaluation, as the list shows it (derniereEvaluation); the index on (dossier, date) finds it.
                    + (niveaux.isEmpty() ? "" : " AND (SELECT e.resultat->'maturite'->>'niveau' FROM evaluation e"
                            + " WHERE e.dossier_id = dossier.id ORDER BY e.cree_le DESC, e.id DESC LIMIT 1) IN (:niveaux)");
        }

        private Map<String, Object> parametres() {
            Map<String, Object> p = new HashMap<>();
            p.put("statuts", statuts.isEmpty() ? List.of("") : List.copyOf(statuts));
            p.put("reference", reference == null ? "" : reference);
            p.put("commune", commune == null ? "" : commune);
            p.put("territoire", territoire == null ? "" : territoire);
            p.put("niveaux", niveaux.isEmpty() ? List.of("") : List.copyOf(niveaux));
            p.put("siren", siren == null ? "" : siren);
            p.put("phase", phase == null ? "" : phase);
            p.put("instructeur", instructeur == null ? "" : instructeur);
            p.put("decision", decision == null ? "" : decision);
            if (rejetImpliciteAvant != null) {
                p.put("rejetImpliciteAvant", rejetImpliciteAvant);
            }
            if (modifieDepuis != null) {
                p.put("modifieDepuis", modifieDepuis);
            }
            p.putAll(RechercheDeTexte.parametres(recherche));
            if (statutDepuisAvant != null) {
                p.put("lendemainDuStatut", JoursAParis.fin(statutDepuisAvant));
            }
            if (deposeDu != null) {
                p.put("deposeDu", JoursAParis.debut(deposeDu));
            }
            if (deposeAu != null) {
                p.put("lendemainDuDernierJour", JoursAParis.fin(deposeAu));
            }
            return p;
        }
    }

    /**
     * One page of what the user sees, oldest first; {@code apres}: the last dossier of the previous page, or null for
     * the first page. Keyset paging on (creation, id): a dossier created while a client pages through appears once, at
     * the end, and none is skipped or shown twice. By deposit, likewise on (last deposit, id): a dossier deposited again
     * meanwhile (an answer to compléments) moves to the end, where the queue's newest arrivals are.
     */
    List<DossierStocke> visibles(Utilisateur u, Filtre filtre, DossierStocke apres, int limite) {
        String ordre = filtre.ordre();
        var requete = jdbc.sql("SELECT " + COLONNES + " FROM dossier WHERE " + VISIBLE + filtre.sql()
                        + (apres == null ? "" : " AND (" + ordre + ", id) > (:apresLe, :apres)") + " ORDER BY " + ordre + ", id LIMIT :limite")
                .params(filtre(u)).params(filtre.parametres()).param("limite", limite);
        if (apres != null) {
            requete = requete.param("apresLe", filtre.rang(apres)).param("apres", apres.id());
        }
        return requete.query(ligne(false)).list();
    }

    /** How many dossiers the user sees through this filter, over all pages. */
    long nombreVisibles(Utilisateur u, Filtre filtre) {
        return jdbc.sql("SELECT count(*) FROM dossier WHERE " + VISIBLE + filtre.sql()).params(filtre(u)).params(filtre.parametres())
                .query(Long.class).single();
    }

    /**
     * La dernière évaluation d'un dossier, ce qu'elle dit en bref: déposable, complet, sa maturité, combien de pièces
     * manquent et combien d'anomalies de chaque gravité, de quoi trier une file sans ouvrir chaque dossier (le détail est
     * dans l'évaluation). {@code aJour}: faite sur le contenu actuel (false quand le dossier a été modifié depuis: elle ne
     * dit plus rien de sûr).
     */
    record DerniereEvaluation(UUID id, OffsetDateTime le, boolean aJour, boolean deposable, boolean complet, String niveau, int score,
                              int piecesManquantes, Map<String, Integer> anomalies) { }

    Map<UUID, DerniereEvaluation> dernieresEvaluations(Collection<UUID> dossiers) {
        Map<UUID, DerniereEvaluation> dernieres = new HashMap<>();
        if (dossiers.isEmpty()) {
            return dernieres;
        }
        jdbc.sql("""
                SELECT d.id, e.id, e.cree_le, e.cree_le >= d.contenu_modifie_le,
                       (e.resultat->>'deposable')::boolean, (e.resultat->>'complet')::boolean,
                       e.resultat->'maturite'->>'niveau', (e.resultat->'maturite'->>'score')::int,
                       (SELECT count(*) FROM jsonb_array_elements(e.resultat->'piecesRequises') p WHERE p->>'statut' = 'MANQUANTE'),
                       a.bloquantes, a.majeures, a.mineures, a.infos
                FROM dossier d CROSS JOIN LATERAL (
                    SELECT id, cree_le, resultat FROM evaluation WHERE dossier_id = d.id ORDER BY cree_le DESC, id DESC LIMIT 1) e
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE x->>'gravite' = 'BLOQUANTE') bloquantes,
                           count(*) FILTER (WHERE x->>'gravite' = 'MAJEURE') majeures,
                           count(*) FILTER (WHERE x->>'gravite' = 'MINEURE') mineures,
                           count(*) FILTER (WHERE x->>'gravite' = 'INFO') infos
                    FROM jsonb_array_elements(e.resultat->'anomalies') x) a
                WHERE d.id IN (:dossiers)""")
                .param("dossiers", List.copyOf(dossiers))
                .query(rs -> {
                    Map<String, Integer> anomalies = new LinkedHashMap<>();
                    anomalies.put("BLOQUANTE", rs.getInt(10));
                    anomalies.put("MAJEURE", rs.getInt(11));
                    anomalies.put("MINEURE", rs.getInt(12));
                    anomalies.put("INFO", rs.getInt(13));
                    dernieres.put(rs.getObject(1, UUID.class), new DerniereEvaluation(rs.getObject(2, UUID.class),
                            rs.getObject(3, OffsetDateTime.class), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7),
                            rs.getInt(8), rs.getInt(9), anomalies));
                });
        return dernieres;
    }

    /** The packs this service ever imported, withdrawn ones included: those a dossier can have been deposited with. */
    /**
     * Whether {@code identifiant} can have taken in instruction a dossier the user may list: an account of his own
     * organisation (a colleague, who may have taken none yet), or the instructeur of a dossier he sees. Not any account
     * of the service: a bailleur would learn, one 400 at a time, the names of accounts he has no business knowing.
     */
    boolean instructeurConnu(String identifiant, Utilisateur u) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM compte WHERE identifiant = :identifiant AND organisation_id = :organisation)"
                        + " OR EXISTS (SELECT 1 FROM dossier WHERE instructeur = :identifiant AND " + VISIBLE + ")")
                .param("identifiant", identifiant).params(filtre(u)).query(Boolean.class).single();
    }

    List<String> packsImportes() {
        return jdbc.sql("SELECT DISTINCT pack_id FROM pack_version ORDER BY pack_id").query(String.class).list();
    }

    /** Écrit seulement si la version lue est toujours la dernière: deux écritures concurrentes ne se perdent pas. */
    boolean remplacer(UUID id, int versionLue, String contenu, String qui) {
        return jdbc.sql("""
                UPDATE dossier SET contenu = ?::jsonb, version = version + 1, modifie_le = now(), contenu_modifie_le = now(),
                       modifie_par = ?
                WHERE id = ? AND version = ? AND statut IN ('BROUILLON', 'COMPLEMENTS_DEMANDES') AND supprime_le IS NULL""")
                .params(contenu, qui, id, versionLue).update() == 1;
    }

    /** Only a draft never deposited, and only the version read: a colleague's edit in between is not thrown away unseen. */
    boolean supprimer(UUID id, int versionLue, String qui) {
        return jdbc.sql("""
                UPDATE dossier SET supprime_le = now(), version = version + 1, modifie_le = now(), modifie_par = ?
                WHERE id = ? AND version = ? AND statut = 'BROUILLON' AND supprime_le IS NULL""")
                .params(qui, id, versionLue).update() == 1;
    }

    /** Ce que le journal garde d'un dossier, du plus ancien au plus récent. */
    List<Map<String, Object>> historique(UUID dossier) {
        return jdbc.sql("SELECT id, quand, qui, action, objet, detail::text FROM journal WHERE objet = ? ORDER BY id")
                .param("dossier:" + dossier).query((rs, n) -> JournalController.ligne(rs)).list();
    }

    void journal(String qui, ActionJournal action, UUID dossier, String detail) {
        jdbc.sql("INSERT INTO journal (qui, action, objet, detail) VALUES (?, ?, ?, ?::jsonb)")
                .params(qui, action.name(), "dossier:" + dossier, detail).update();
    }

    static Map<String, Object> filtre(Utilisateur u) {
        return Map.of("role", u.role().name(), "organisation", u.organisation(), "region", u.region() == null ? "" : u.region());
    }
}
