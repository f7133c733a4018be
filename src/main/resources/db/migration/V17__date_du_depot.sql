-- Quand le dossier a été déposé la dernière fois: l'instruction lit sa file dans l'ordre d'arrivée des dépôts (et des
-- réponses aux compléments), pas dans celui où les bailleurs ont commencé leurs brouillons. Pour les dossiers déjà
-- déposés: l'heure de l'évaluation scellée au dépôt (même transaction), ou, à défaut, celle du dernier DEPOT du journal.
ALTER TABLE dossier ADD COLUMN depose_le timestamptz;
UPDATE dossier d SET depose_le = e.cree_le FROM evaluation e WHERE e.id = d.evaluation_depot;
UPDATE dossier d SET depose_le = (SELECT max(j.quand) FROM journal j WHERE j.objet = 'dossier:' || d.id AND j.action = 'DEPOT')
WHERE d.depose_le IS NULL AND d.statut <> 'BROUILLON';
CREATE INDEX dossier_depose_le ON dossier (depose_le, id) WHERE depose_le IS NOT NULL;
