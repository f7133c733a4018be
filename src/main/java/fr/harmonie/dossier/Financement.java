package fr.harmonie.dossier;

import java.util.List;

public record Financement(Double prixRevientTTC, Postes postes, List<Ressource> ressources) {

    public Financement {
        ressources = ressources == null ? List.of() : List.copyOf(ressources);
    }

    public record Postes(Double chargeFonciere, Double batiment, Double honorairesEtDivers) { }

    public record Ressource(TypeRessource type, Produit produit, String financeur, double montant, StatutRessource statut) {
        public Ressource {
            statut = statut == null ? StatutRessource.SOLLICITE : statut;
        }
    }

    public enum TypeRessource {
        PRET_CDC, PRET_ACTION_LOGEMENT, AUTRE_PRET, SUBVENTION_ETAT, SUBVENTION_COLLECTIVITE, SUBVENTION_AUTRE, FONDS_PROPRES
    }

    public enum StatutRessource { SOLLICITE, ACCORDE }
}
