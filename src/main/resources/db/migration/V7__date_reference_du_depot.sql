-- La date dont les règles et paramètres s'appliquent à un dossier déposé : celle du dossier s'il en porte une, sinon
-- le jour du dépôt (contrat du dossier, dateReference). Figée au dépôt avec la chaîne de packs : un dossier déposé le
-- 20 décembre et instruit en janvier reste jugé sur les paramètres de décembre.
ALTER TABLE dossier ADD COLUMN date_reference_depot date;

-- Les dossiers déposés avant cette migration : le jour (à Paris) de leur dernier dépôt au journal.
UPDATE dossier d SET date_reference_depot = (
    SELECT (max(j.quand) AT TIME ZONE 'Europe/Paris')::date FROM journal j
    WHERE j.objet = 'dossier:' || d.id AND j.action = 'DEPOT')
WHERE d.chaine IS NOT NULL;
