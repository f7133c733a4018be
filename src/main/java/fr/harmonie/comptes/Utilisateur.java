package fr.harmonie.comptes;

import java.util.Set;

/**
 * Qui fait la requête, et ce qui borne ce qu'il voit: son organisation (et son SIREN pour un bailleur), les packs
 * qu'instruit son service, la région d'une DREAL.
 */
public record Utilisateur(String identifiant, Role role, long organisation, String siren, Set<String> territoires,
                          String region) { }
