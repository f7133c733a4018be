package fr.harmonie.comptes;

import fr.harmonie.regles.faits.Siren;
import fr.harmonie.stockage.ActionJournal;
import fr.harmonie.territoires.Geographie;
import fr.harmonie.territoires.IdentifiantsDePacks;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.web.ProblemeHttpException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations et comptes, tenus par l'administration: sur une base à soi, il n'y a pas de comptes de démonstration,
 * et c'est ainsi qu'on crée les bailleurs, les services instructeurs (avec les packs qu'ils instruisent), les DREAL
 * (avec leur région) et les autres administrateurs. Tout est journalisé, jamais un mot de passe.
 */
@Service
public class AdministrationComptes {

    /** Le rôle des comptes d'une organisation découle de son type: un compte ne peut pas sortir de son organisation. */
    static final Map<String, Role> ROLE_PAR_TYPE = Map.of("BAILLEUR", Role.BAILLEUR, "SERVICE_INSTRUCTEUR", Role.INSTRUCTEUR,
            "DREAL", Role.DREAL, "ADMINISTRATION", Role.ADMIN);
    static final int MOT_DE_PASSE_MIN = 12;
    /** bcrypt reads no further, and Spring Security refuses to hash a longer password rather than cut it silently. */
    static final int MOT_DE_PASSE_MAX_OCTETS = 72;
    static final int NOM_MAX = 200;
    private static final String TERRITOIRES_REQUIS = "Un service instructeur a des « territoires » : les packs qu'il instruit.";
    /** An account's identifier: lower case, so that it reads the same wherever it is typed. */
    private static final String IDENTIFIANT = "[a-z0-9][a-z0-9._-]{2,63}";

    private final ComptesStore store;
    private final JdbcClient jdbc;
    private final PasswordEncoder encodeur;
    private final RegistreCourant packs;
    private final Geographie geographie;

    AdministrationComptes(ComptesStore store, JdbcClient jdbc, PasswordEncoder encodeur, RegistreCourant packs, Geographie geographie) {
        this.store = store;
        this.jdbc = jdbc;
        this.encodeur = encodeur;
        this.packs = packs;
        this.geographie = geographie;
    }

    public record NouvelleOrganisation(String type, String nom, String siren, String region, List<String> territoires) { }

    public record NouveauCompte(String identifiant, String motDePasse, Long organisation) { }

    public record Organisation(long id, String type, String nom, String siren, String region, List<String> territoires,
                               List<CompteDeLOrganisation> comptes) { }

    /** Jamais le mot de passe, même haché. */
    public record CompteDeLOrganisation(String identifiant, String role, boolean actif) { }

    /** One snapshot of the three tables: an organisation listed with the accounts it had at the same instant. */
    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return jdbc.sql("SELECT id, type, nom, siren, region FROM organisation ORDER BY id").query((rs, n) -> organisation(rs)).list();
    }

    /** Where the creation's {@code Location} points. */
    @Transactional(readOnly = true)
    public Optional<Organisation> organisation(long id) {
        return jdbc.sql("SELECT id, type, nom, siren, region FROM organisation WHERE id = ?").param(id)
                .query((rs, n) -> organisation(rs)).optional();
    }

    /** A row of {@code organisation} (id, type, nom, siren, region) with its packs and its accounts. */
    private Organisation organisation(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new Organisation(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                jdbc.sql("SELECT pack_id FROM organisation_territoire WHERE organisation_id = ? ORDER BY pack_id")
                        .param(id).query(String.class).list(),
                jdbc.sql("SELECT identifiant, role, actif FROM compte WHERE organisation_id = ? ORDER BY identifiant").param(id)
                        .query((c, m) -> new CompteDeLOrganisation(c.getString(1), c.getString(2), c.getBoolean(3))).list());
    }

    @Transactional
    public long creerOrganisation(NouvelleOrganisation o, String qui) {
        if (o == null || o.type() == null || !ROLE_PAR_TYPE.containsKey(o.type())) {
            throw invalide("« type » vaut BAILLEUR, SERVICE_INSTRUCTEUR, DREAL ou ADMINISTRATION.");
        }
        if (o.nom() == null || o.nom().isBlank() || o.nom().codePointCount(0, o.nom().length()) > NOM_MAX) {
            throw invalide("« nom » est requis, en " + NOM_MAX + " caractères au plus.");
        }
        boolean bailleur = o.type().equals("BAILLEUR");
        if (bailleur != (o.siren() != null)) {
            throw invalide(bailleur ? "Un bailleur a un « siren »." : "Seul un bailleur a un « siren ».");
        }
        if (bailleur && !Siren.valide(o.siren())) {
            String sansEspaces = o.siren().replaceAll("[\\s.]", "");
            throw invalide("Le SIREN « " + o.siren() + " » n'est pas valide (9 chiffres, clé de Luhn)"
                    + (!sansEspaces.equals(o.siren()) && Siren.valide(sansEspaces) ? " : écrire « " + sansEspaces + " », sans espaces" : "") + ".");
        }
        boolean dreal = o.type().equals("DREAL");
        if (dreal != (o.region() != null)) {
            throw invalide(dreal ? "Une DREAL a une « region » (code INSEE)." : "Seule une DREAL a une « region ».");
        }
        if (dreal && !geographie.regionExiste(o.region())) {
            throw invalide("La région « " + o.region() + " » n'existe pas" + regionVoulue(o.region()) + ".");
        }
        List<String> territoires = o.territoires() == null ? List.of() : o.territoires();
        boolean instructeur = o.type().equals("SERVICE_INSTRUCTEUR");
        if (instructeur == territoires.isEmpty()) {
            throw invalide(instructeur ? TERRITOIRES_REQUIS : "Seul un service instructeur a des « territoires ».");
        }
        verifierPacks(territoires);
        long id;
        try {
            id = store.organisation(o.type(), o.nom().strip(), o.siren(), o.region());
        } catch (DuplicateKeyException e) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Organisation existante", "Le SIREN " + o.siren() + " a déjà son organisation.");
        }
        attribuer(id, territoires);
        journaliser(qui, ActionJournal.CREATION_ORGANISATION, "organisation:" + id);
        return id;
    }

    /** Les packs qu'un service instructeur instruit, remplacés: par exemple quand un pack de DDT est publié. */
    @Transactional
    public void changerTerritoires(long organisation, List<String> territoires, String qui) {
        // The organisation's row locked first: two replacements at once run one after the other. Otherwise the second
        // one's deletion misses the rows the first has just inserted, and it adds its packs to them (a mix of both) or
        // inserts one of them again (a 500).
        String type = jdbc.sql("SELECT type FROM organisation WHERE id = ? FOR UPDATE").param(organisation).query(String.class)
                .optional().orElseThrow(() -> organisationIntrouvable(organisation));
        if (!type.equals("SERVICE_INSTRUCTEUR")) {
            throw invalide("Seul un service instructeur a des territoires (cette organisation est " + type + ").");
        }
        if (territoires == null || territoires.isEmpty()) {
            throw invalide(TERRITOIRES_REQUIS);
        }
        verifierPacks(territoires);
        jdbc.sql("DELETE FROM organisation_territoire WHERE organisation_id = ?").param(organisation).update();
        attribuer(organisation, territoires);
        journaliser(qui, ActionJournal.TERRITOIRES_ORGANISATION, "organisation:" + organisation);
    }

    @Transactional
    public void creerCompte(NouveauCompte c, String qui) {
        if (c == null || c.identifiant() == null || !c.identifiant().matches(IDENTIFIANT)) {
            throw invalide("« identifiant » : 3 à 64 caractères parmi a-z, 0-9, point, tiret et souligné, commençant par une lettre ou un"
                    + " chiffre" + (c == null || c.identifiant() == null ? "" : identifiantVoulu(c.identifiant())) + ".");
        }
        String mdp = motDePasseConforme("motDePasse", c.motDePasse());
        if (c.organisation() == null) {
            throw invalide("« organisation » : l'identifiant de l'organisation du compte.");
        }
        String type = typeDe(c.organisation()).orElseThrow(() -> invalide("L'organisation " + c.organisation() + " n'existe pas."));
        try {
            store.compte(c.identifiant(), encodeur.encode(mdp), c.organisation(), ROLE_PAR_TYPE.get(type));
        } catch (DuplicateKeyException e) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Compte existant", "Le compte « " + c.identifiant() + " » existe déjà.");
        }
        journaliser(qui, ActionJournal.CREATION_COMPTE, "compte:" + c.identifiant());
    }

    /** Quand quelqu'un a oublié le sien: l'administration en donne un, que la personne change ensuite elle-même. */
    @Transactional
    public void reinitialiserMotDePasse(String identifiant, String motDePasse, String qui) {
        motDePasseConforme("motDePasse", motDePasse);
        if (!store.motDePasse(identifiant, encodeur.encode(motDePasse))) {
            throw compteIntrouvable(identifiant);
        }
        journaliser(qui, ActionJournal.REINITIALISATION_MOT_DE_PASSE, "compte:" + identifiant);
    }

    /**
     * Un compte désactivé ne s'authentifie plus dès la requête suivante; réactivé, il retrouve tout. Seul un
     * changement est journalisé. Personne ne désactive son propre compte: le dernier administrateur ne peut pas
     * s'enfermer dehors.
     */
    @Transactional
    public void changerActivite(String identifiant, Boolean actif, String qui) {
        if (actif == null) {
            throw invalide("« actif » : false pour désactiver le compte, true pour le réactiver.");
        }
        if (!actif && identifiant.equals(qui)) {
            throw new ProblemeHttpException(HttpStatus.CONFLICT, "Compte en cours d'usage",
                    "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.");
        }
        boolean avant = jdbc.sql("SELECT actif FROM compte WHERE identifiant = ? FOR UPDATE").param(identifiant).query(Boolean.class)
                .optional().orElseThrow(() -> compteIntrouvable(identifiant));
        if (avant != actif) {
            jdbc.sql("UPDATE compte SET actif = ? WHERE identifiant = ?").params(actif, identifiant).update();
            journaliser(qui, actif ? ActionJournal.REACTIVATION_COMPTE : ActionJournal.DESACTIVATION_COMPTE, "compte:" + identifiant);
        }
    }

    /** @return {@code motDePasse}, s'il a 12 caractères au moins et 72 octets au plus; sinon une 400 qui nomme {@code champ} */
    static String motDePasseConforme(String champ, String motDePasse) {
        int octets = motDePasse == null ? 0 : motDePasse.getBytes(StandardCharsets.UTF_8).length;
        if (motDePasse == null || motDePasse.codePointCount(0, motDePasse.length()) < MOT_DE_PASSE_MIN || octets > MOT_DE_PASSE_MAX_OCTETS) {
            throw invalide("« " + champ + " » : " + MOT_DE_PASSE_MIN + " caractères au moins et " + MOT_DE_PASSE_MAX_OCTETS
                    + " octets au plus en UTF-8 (" + MOT_DE_PASSE_MAX_OCTETS + " caractères sans accent ; une lettre accentuée compte "
                    + "pour deux)" + (octets > MOT_DE_PASSE_MAX_OCTETS ? " : celui-ci en fait " + octets + "." : "."));
        }
        return motDePasse;
    }

    static ProblemeHttpException organisationIntrouvable(long id) {
        return new ProblemeHttpException(HttpStatus.NOT_FOUND, "Organisation introuvable", "Aucune organisation " + id + ".");
    }

    private static ProblemeHttpException compteIntrouvable(String identifiant) {
        return new ProblemeHttpException(HttpStatus.NOT_FOUND, "Compte introuvable", "Aucun compte « " + identifiant + " ».");
    }

    private Optional<String> typeDe(long organisation) {
        return jdbc.sql("SELECT type FROM organisation WHERE id = ?").param(organisation).query(String.class).optional();
    }

    /** Each pack once, whatever the request repeats. */
    private void attribuer(long organisation, List<String> territoires) {
        new TreeSet<>(territoires).forEach(t -> store.territoire(organisation, t));
    }

    private void verifierPacks(List<String> territoires) {
        for (String t : territoires) {
            if (t == null || !packs.registre().connait(t)) {
                throw invalide("Le pack « " + t + " » n'existe pas" + IdentifiantsDePacks.suggestion(t, packs.registre().identifiants()) + ".");
            }
        }
    }

    /**
     * « Marie Dupont » or « Élodie.Martin », as a name is written: the identifier it most likely meant, lower case,
     * without accents, a point between the words; nothing when that is not an identifier either.
     */
    private static String identifiantVoulu(String ecrit) {
        String voulu = Normalizer.normalize(ecrit.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", ".");
        return voulu.matches(IDENTIFIANT) ? " ; par exemple « " + voulu + " »" : "";
    }

    /**
     * A département's code for its région's (« 35 » : « la région du département 35 est 53 »), or a région's name for
     * its code: where to read the code, from one of its communes, since the dataset gives communes their région.
     */
    private String regionVoulue(String ecrit) {
        List<String> communes = geographie.communesDuDepartement(ecrit.strip());
        if (!communes.isEmpty()) {
            return " : " + ecrit.strip() + " est un département, de la région " + geographie.commune(communes.get(0)).region();
        }
        return " : une région s'écrit par son code INSEE (84 pour Auvergne-Rhône-Alpes, 28 pour Normandie), que donne chacune de"
                + " ses communes : GET /api/v1/communes?nom=<une commune de la région>, champ « region »";
    }

    void journaliser(String qui, ActionJournal action, String objet) {
        jdbc.sql("INSERT INTO journal (qui, action, objet) VALUES (?, ?, ?)").params(qui, action.name(), objet).update();
    }

    static ProblemeHttpException invalide(String detail) {
        return new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Demande invalide", detail);
    }
}
