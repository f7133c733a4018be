-- La date dont les règles et paramètres s'appliquent à un dossier déposé : le jour du dépôt (contrat du dossier,
-- dateReference). Figée au dépôt avec la chaîne de packs : un dossier déposé le 20 décembre et instruit en janvier
-- reste jugé sur les paramètres de décembre.
ALTER TABLE dossier ADD COLUMN date_reference_depot date;

-- Les dossiers déposés avant cette migration ont été jugés à la date qu'ils portaient, sinon au jour (à Paris) de
-- leur dernier dépôt au journal.
UPDATE dossier d SET date_reference_depot = coalesce((d.contenu ->> 'dateReference')::date, (
    SELECT (max(j.quand) AT TIME ZONE 'Europe/Paris')::date FROM journal j
    WHERE j.objet = 'dossier:' || d.id AND j.action = 'DEPOT'))
WHERE d.chaine IS NOT NULL;
