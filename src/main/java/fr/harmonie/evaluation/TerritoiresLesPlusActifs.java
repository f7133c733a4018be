package fr.harmonie.evaluation;

import java.util.List;

/**
 * Les territoires (identifiants de pack) qui reçoivent le plus de dossiers, du plus actif au moins actif: ceux dont la
 * chaîne se prépare d'abord quand tous ne peuvent pas l'être ({@code harmonie.packs.prechauffage}).
 */
@FunctionalInterface
public interface TerritoiresLesPlusActifs {

    List<String> parActivite();
}
