package fr.harmonie.stockage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every action the journal records, and the kind of object its lines name. Closed so that a reader filtering on an
 * action that does not exist (« DEPOSE », the status, for « DEPOT », the action) is told so instead of reading an
 * empty page as « nothing happened ». A new action is added here first; the writers take it from here.
 */
public enum ActionJournal {
    CREATION("dossier"), MODIFICATION("dossier"), SUPPRESSION("dossier"), EVALUATION("dossier"), DEPOT("dossier"),
    PRENDRE_EN_INSTRUCTION("dossier"), DEMANDER_COMPLEMENTS("dossier"), INSTRUIRE("dossier"), CORRIGER_DECISION("dossier"),
    RETRAIT("dossier"), ROUVRIR_INSTRUCTION("dossier"), CONFIER("dossier"), NOTE_INSTRUCTION("dossier"),
    CONTROLE_PIECE("dossier"),
    CREATION_ORGANISATION("organisation"), TERRITOIRES_ORGANISATION("organisation"), EMISSION_JETON("organisation"),
    CREATION_COMPTE("compte"), REINITIALISATION_MOT_DE_PASSE("compte"), DESACTIVATION_COMPTE("compte"),
    REACTIVATION_COMPTE("compte"), CHANGEMENT_MOT_DE_PASSE("compte"),
    REVOCATION_JETON("jeton"),
    IMPORT_PACK("pack"),
    MIGRATION_DEPUIS_EMBARQUE("base");

    private final String objet;

    ActionJournal(String objet) {
        this.objet = objet;
    }

    /** The kind of object its lines name: dossier, organisation, compte, jeton, pack, base. */
    public String objet() {
        return objet;
    }

    /** The action written, whatever its case or surrounding spaces. */
    public static Optional<ActionJournal> lire(String texte) {
        String cle = texte.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(cle)).findFirst();
    }

    /** « dossier : CREATION, MODIFICATION… ; compte : … »: the actions, by the object their lines name. */
    public static String parObjet() {
        return objets().stream().map(o -> o + " : " + de(o)).collect(Collectors.joining(" ; "));
    }

    /** « CREATION, MODIFICATION… »: the actions whose lines name this kind of object. */
    public static String de(String objet) {
        return Arrays.stream(values()).filter(a -> a.objet.equals(objet)).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The prefixes of {@code objet} (« dossier:<id> »), in the order of {@link #parObjet()}. */
    public static List<String> objets() {
        return Arrays.stream(values()).map(a -> a.objet).distinct().toList();
    }
}
