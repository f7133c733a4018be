-- L'évaluation scellée au dépôt. Un dossier déposé ne change plus : le réévaluer rejoue cette évaluation (chaîne, date,
-- commune telle que située au dépôt, phrase de résolution), si bien qu'il garde le reçu de son dépôt, et qu'un
-- changement du découpage administratif après le dépôt ne le rend pas bloqué.
ALTER TABLE dossier ADD COLUMN evaluation_depot uuid REFERENCES evaluation (id);

-- Les dossiers déposés avant cette migration : la dernière évaluation scellée au plus tard à leur dernier dépôt (le
-- dépôt scelle son évaluation dans la même transaction, donc au même instant).
UPDATE dossier d SET evaluation_depot = (
    SELECT e.id FROM evaluation e
    WHERE e.dossier_id = d.id
      AND e.cree_le <= (SELECT max(j.quand) FROM journal j WHERE j.objet = 'dossier:' || d.id AND j.action = 'DEPOT')
    ORDER BY e.cree_le DESC, e.id
    LIMIT 1)
WHERE d.chaine IS NOT NULL;
