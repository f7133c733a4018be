package fr.harmonie.dossier;

import java.time.LocalDate;

public record Urbanisme(EtatPermis permisConstruire, LocalDate dateDepotPermis, LocalDate dateObtentionPermis) {

    static final Urbanisme VIDE = new Urbanisme(null, null, null);

    public Urbanisme {
        permisConstruire = permisConstruire == null ? EtatPermis.NON_DEPOSE : permisConstruire;
    }

    /** Pour une VEFA: le permis du promoteur. Ordre: du moins au plus avancé. */
    public enum EtatPermis { NON_REQUIS, NON_DEPOSE, DEPOSE, OBTENU, PURGE_DE_RECOURS }
}
