-- Les pièces que la dernière demande de compléments nomme, dans l'ordre du catalogue : [{"code", "libelle"}, …], prises
-- au catalogue de la chaîne du dépôt. Le système d'un bailleur les lit par leur code au lieu de les chercher dans le
-- message ; NULL quand la demande n'en nomme aucune, ou avant toute demande.
ALTER TABLE dossier ADD COLUMN pieces_demandees jsonb;
