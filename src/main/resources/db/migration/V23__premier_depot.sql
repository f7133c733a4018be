-- Quand la demande a été déposée la première fois : c'est la date de la demande de décision favorable, dont le silence
-- du service pendant quatre mois vaut rejet (ancien article R. 331-6 du CCH) ; une réponse aux compléments la redépose
-- sans en changer la date. Pour les dossiers déjà déposés : le premier DEPOT du journal, ou, à défaut, le dernier dépôt
-- connu (un dossier dont le journal n'a rien gardé).
ALTER TABLE dossier ADD COLUMN premier_depot_le timestamptz;
UPDATE dossier d SET premier_depot_le = coalesce(
    (SELECT min(j.quand) FROM journal j WHERE j.objet = 'dossier:' || d.id AND j.action = 'DEPOT'), d.depose_le)
WHERE d.depose_le IS NOT NULL;
-- La file dans l'ordre où expirent les quatre mois des demandes (tri=premierDepot), page après page.
CREATE INDEX dossier_premier_depot_le ON dossier (premier_depot_le, id) WHERE premier_depot_le IS NOT NULL;
