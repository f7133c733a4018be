-- Le bailleur retire sa demande (l'opération abandonnée : le foncier perdu, un financement refusé) : le dossier déposé
-- passe au statut RETIRE, qu'il ne quitte plus ; le service le voit encore, avec ce que le bailleur a dit en le
-- retirant, et l'opération peut être déposée de nouveau par un autre dossier.
ALTER TABLE dossier DROP CONSTRAINT dossier_statut_check;
ALTER TABLE dossier ADD CONSTRAINT dossier_statut_check
    CHECK (statut IN ('BROUILLON', 'DEPOSE', 'EN_INSTRUCTION', 'COMPLEMENTS_DEMANDES', 'INSTRUIT', 'RETIRE'));
ALTER TABLE dossier ADD COLUMN message_retrait text;
