package fr.harmonie.stockage;

import fr.harmonie.regles.Pack;
import fr.harmonie.regles.PackInvalideException;
import fr.harmonie.territoires.PublicationDesPacks;
import fr.harmonie.territoires.RegistreCourant;
import fr.harmonie.territoires.RegistrePacks;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Au démarrage et à chaque rechargement, chaque version de pack en service entre en base si elle n'y est pas. Une
 * version déjà importée dont le contenu diffère est refusée: une version publiée ne change pas, un changement est une
 * nouvelle version. Au démarrage, avant que {@link SuiviDesRechargements} annonce ces versions aux autres instances.
 */
@Component
@Order(0)
class ImportPacks implements ApplicationRunner, PublicationDesPacks {

    private final JdbcClient jdbc;
    private final RegistreCourant registre;
    private final boolean donneesEphemeres;

    ImportPacks(JdbcClient jdbc, RegistreCourant registre, @Value("${harmonie.donnees.ephemeres:false}") boolean donneesEphemeres) {
        this.jdbc = jdbc;
        this.registre = registre;
        this.donneesEphemeres = donneesEphemeres;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        publier(registre.registre(), "systeme");
    }

    /** Au rechargement comme au démarrage: un registre ne sert qu'une fois toutes ses versions en base. */
    @Override
    @Transactional
    public void publier(RegistrePacks registre, String qui) {
        importer(registre.chainesDesPacks().stream().map(c -> c.get(c.size() - 1)).toList(), qui);
    }

    /** @return le nombre de versions nouvellement importées */
    @Transactional
    public int importer(List<Pack> packs, String qui) {
        int importees = 0;
        for (Pack p : packs) {
            var m = p.manifeste();
            // Read first: a version already kept costs no write, so an instance can start on a base that takes none
            // (a standby, default_transaction_read_only) when it serves nothing new.
            if (dejaImportee(p)) {
                continue;
            }
            // Two instances starting on one database import the same versions at once: the second insert waits for the
            // first transaction, then finds the row instead of failing its instance's start.
            int inseree = jdbc.sql("""
                    INSERT INTO pack_version (pack_id, version, empreinte, libelle, niveau, parent, valid_from, valid_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pack_id, version) DO NOTHING""")
                    .params(p.id(), m.version(), p.empreinte(), m.libelle(), m.niveau(), m.parent(), m.validFrom(), m.validUntil())
                    .update();
            if (inseree == 0) {
                dejaImportee(p); // inserted meanwhile by another instance: the same content, or refused
                continue;
            }
            p.fichiers().fichiers().forEach((chemin, contenu) ->
                    jdbc.sql("INSERT INTO pack_fichier (pack_id, version, chemin, contenu) VALUES (?, ?, ?, ?)")
                            .params(p.id(), m.version(), chemin, contenu).update());
            jdbc.sql("INSERT INTO journal (qui, action, objet, detail) VALUES (?, ?, ?, ?::jsonb)")
                    .params(qui, ActionJournal.IMPORT_PACK.name(), p.reference(), "{\"empreinte\": \"" + p.empreinte() + "\"}").update();
            importees++;
        }
        return importees;
    }

    /** @return whether this version is in the base, after checking that it is the same content */
    private boolean dejaImportee(Pack p) {
        var m = p.manifeste();
        var existante = jdbc.sql("SELECT empreinte FROM pack_version WHERE pack_id = ? AND version = ?")
                .params(p.id(), m.version()).query(String.class).optional();
        if (existante.isPresent() && !existante.get().equals(p.empreinte())) {
            // Also what an author meets who tries a draft on a service, edits it and reloads: say how to try drafts.
            throw new PackInvalideException("pack " + p.reference() + " : ce service a déjà importé cette version avec un "
                    + "autre contenu (" + existante.get() + "), dont des évaluations gardées peuvent dépendre : une version "
                    + "ne change plus une fois servie. Donner une nouvelle version (version et validFrom de pack.yaml, dans "
                    + "son propre dossier) ; pour essayer un brouillon à chaque modification : java -jar harmonie.jar "
                    + "evaluer --packs <racine> dossier.json, ou " + (donneesEphemeres
                            ? "redémarrer ce service : ses données sont éphémères, il servira le brouillon modifié (ses dossiers"
                                    + " et évaluations d'essai sont effacés à l'arrêt)"
                            : "un service aux données éphémères (--harmonie.donnees.ephemeres=true), redémarré"));
        }
        return existante.isPresent();
    }
}
