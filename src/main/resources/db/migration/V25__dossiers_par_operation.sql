-- Les autres demandes d'une opération (chaque lecture d'un dossier) et la vérification des doubles au dépôt cherchent
-- les dossiers d'une organisation par référence et par phase : sans cet index, chacune lirait tous les dossiers de
-- l'organisation, contenus compris (jusqu'à 2 Mio chacun).
CREATE INDEX dossier_operation ON dossier (organisation_id, lower(btrim(contenu->>'reference')), (coalesce(contenu->>'phase', 'AGREMENT')));
