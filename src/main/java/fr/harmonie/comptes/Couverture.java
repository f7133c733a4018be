package fr.harmonie.comptes;

import fr.harmonie.regles.Pack;
import fr.harmonie.territoires.CouvertureDesPacks;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.territoires.RegistrePacks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Qui instruit quoi: pour chaque pack en service, les services instructeurs qui le voient et ses dossiers en cours
 * d'instruction. Un instructeur voit les dossiers déposés des packs qu'il instruit, exactement: quand un pack de DDT
 * est publié sous une région, les dossiers de ses communes y vont, et le service qui instruit la région ne les voit
 * plus. Les alertes le disent à l'administration, qui déplace alors le service.
 */
@Service
class Couverture implements CouvertureDesPacks {

    private static final String EN_COURS = "('DEPOSE', 'EN_INSTRUCTION', 'COMPLEMENTS_DEMANDES')";

    private final JdbcClient jdbc;
    private final RegistreCourant packs;

    Couverture(JdbcClient jdbc, RegistreCourant packs) {
        this.jdbc = jdbc;
        this.packs = packs;
    }

    record ServiceInstructeur(long id, String nom) { }

    record PackCouvert(String pack, String libelle, String niveau, List<ServiceInstructeur> servicesInstructeurs, long dossiersEnCours) { }

    record Etat(List<PackCouvert> packs, List<String> alertes) { }

    @Transactional(readOnly = true)
    Etat etat() {
        RegistrePacks registre = packs.registre();
        Lecture lue = lire();
        List<PackCouvert> couverts = new ArrayList<>();
        for (List<Pack> versions : registre.packs()) {
            Pack p = registre.derniereVersion(versions.get(0).id());
            couverts.add(new PackCouvert(p.id(), p.manifeste().libelle(), p.manifeste().niveau(),
                    lue.services().getOrDefault(p.id(), List.of()), lue.dossiers().getOrDefault(p.id(), 0L)));
        }
        List<String> alertes = new ArrayList<>(alertes(registre, lue));
        alertes.addAll(dossiersDeComptesDesactives());
        return new Etat(couverts, alertes);
    }

    /**
     * An instructeur who left keeps the dossiers he had taken or was given: they are still in the service's queue, but
     * named after someone who will not answer. Said here, where the administrator who deactivated him looks next.
     */
    private List<String> dossiersDeComptesDesactives() {
        return jdbc.sql("SELECT c.identifiant, o.nom, o.id, count(*) FROM dossier d JOIN compte c ON c.identifiant = d.instructeur"
                        + " JOIN organisation o ON o.id = c.organisation_id WHERE NOT c.actif AND d.statut IN " + EN_COURS
                        + " GROUP BY c.identifiant, o.nom, o.id ORDER BY c.identifiant")
                .query((rs, n) -> {
                    long nombre = rs.getLong(4);
                    String identifiant = rs.getString(1);
                    return "Le compte désactivé « " + identifiant + " » (" + rs.getString(2) + ", organisation " + rs.getLong(3)
                            + ") garde " + (nombre == 1 ? "1 dossier en cours" : nombre + " dossiers en cours") + " : son service"
                            + " les trouve par GET /api/v1/dossiers?instructeur=" + identifiant + " et les confie à un collègue"
                            + " (POST /api/v1/dossiers/{id}/instruction, action CONFIER).";
                }).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> alertes(RegistrePacks registre) {
        return alertes(registre, lire());
    }

    private record Lecture(Map<String, List<ServiceInstructeur>> services, Map<String, Long> dossiers) { }

    private Lecture lire() {
        Map<String, List<ServiceInstructeur>> services = new TreeMap<>();
        jdbc.sql("""
                SELECT t.pack_id, o.id, o.nom FROM organisation_territoire t JOIN organisation o ON o.id = t.organisation_id
                ORDER BY t.pack_id, o.id""").query(rs -> {
            services.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ServiceInstructeur(rs.getLong(2), rs.getString(3)));
        });
        Map<String, Long> dossiers = new TreeMap<>();
        jdbc.sql("SELECT territoire, count(*) FROM dossier WHERE territoire IS NOT NULL AND statut IN " + EN_COURS + " GROUP BY territoire")
                .query(rs -> {
                    dossiers.put(rs.getString(1), rs.getLong(2));
                });
        return new Lecture(services, dossiers);
    }

    private static List<String> alertes(RegistrePacks registre, Lecture lue) {
        List<String> alertes = new ArrayList<>();
        for (List<Pack> versions : registre.packs()) {
            String id = versions.get(0).id();
            List<ServiceInstructeur> services = lue.services().getOrDefault(id, List.of());
            if (services.size() > 1) {
                // Often a service given a région's pack for its département's dossiers: it sees the whole région's.
                alertes.add("Le pack « " + id + " » est instruit par " + services.size() + " services ("
                        + String.join(", ", services.stream().map(sv -> sv.nom() + ", organisation " + sv.id()).toList())
                        + ") : chacun voit tous ses dossiers déposés et peut les instruire. Si ce n'est pas voulu, retirez-le"
                        + " à l'un d'eux (PUT /api/v1/admin/organisations/{id}/territoires).");
            }
            if (!services.isEmpty()) {
                continue;
            }
            long n = lue.dossiers().getOrDefault(id, 0L);
            alertes.add("Aucun service n'instruit le pack « " + id + " » : " + (n == 0
                    ? "un dossier qui y sera déposé ne sera vu d'aucun instructeur."
                    : n + (n == 1 ? " dossier déposé n'est vu" : " dossiers déposés ne sont vus") + " d'aucun instructeur.")
                    + " Attribuez-le à un service (PUT /api/v1/admin/organisations/{id}/territoires).");
        }
        Map<String, List<ServiceInstructeur>> inconnus = new LinkedHashMap<>(lue.services());
        inconnus.keySet().removeIf(registre::connait);
        inconnus.forEach((pack, services) -> services.forEach(s -> alertes.add("Le service « " + s.nom() + " » (organisation " + s.id()
                + ") instruit « " + pack + " », qui n'est plus un pack en service.")));
        lue.dossiers().forEach((pack, n) -> {
            if (!registre.connait(pack) && !lue.services().containsKey(pack)) {
                alertes.add((n > 1 ? n + " dossiers déposés" : "1 dossier déposé") + " sur « " + pack
                        + " », qui n'est plus un pack en service, " + (n > 1 ? "ne sont vus" : "n'est vu") + " d'aucun instructeur.");
            }
        });
        return alertes;
    }
}
