-- Un brouillon que son bailleur supprime disparaît de toutes les vues, mais sa ligne reste: le journal qui le nomme et
-- les évaluations scellées sur lui gardent leur sens pour un audit. Un dossier déposé ne se supprime pas.
ALTER TABLE dossier ADD COLUMN supprime_le timestamptz;
