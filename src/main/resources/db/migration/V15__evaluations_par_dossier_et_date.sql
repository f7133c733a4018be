-- La dernière évaluation de chaque dossier d'une liste, et les évaluations d'un dossier par pages, se lisent dans cet
-- ordre: l'index y mène directement, sans parcourir toutes les évaluations du dossier.
CREATE INDEX evaluation_dossier_date ON evaluation (dossier_id, cree_le, id);
DROP INDEX evaluation_dossier;
