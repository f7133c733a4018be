/**
 * Les faits que voient les règles DRL: du Java simple, sans Spring ni persistance. Les faits d'entrée
 * ({@link fr.harmonie.regles.faits.Demande}, {@link fr.harmonie.regles.faits.LotFait}…) sont construits depuis le
 * dossier; les faits de sortie ({@link fr.harmonie.regles.faits.PieceExigee}, {@link fr.harmonie.regles.faits.Anomalie},
 * {@link fr.harmonie.regles.faits.PointsMaturite}, {@link fr.harmonie.regles.faits.EtapePossible}) sont insérés
 * par les règles et gardent la règle qui les a produits, pour les motifs et la trace.
 */
package fr.harmonie.regles.faits;
