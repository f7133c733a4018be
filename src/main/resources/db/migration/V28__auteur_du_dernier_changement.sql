-- Qui a fait le dernier changement d'un dossier, celui que modifie_le date (création, modification, dépôt, étape
-- d'instruction, retrait, suppression) : le collègue dont la modification rend la vôtre périmée (412), dit par son nom.
-- Les dossiers d'avant le prennent à la dernière ligne de leur journal qui n'est pas une évaluation (une évaluation ne
-- change pas le dossier).
ALTER TABLE dossier ADD COLUMN modifie_par text;
UPDATE dossier d SET modifie_par = (SELECT j.qui FROM journal j WHERE j.objet = 'dossier:' || d.id AND j.action <> 'EVALUATION'
                                    ORDER BY j.id DESC LIMIT 1);
