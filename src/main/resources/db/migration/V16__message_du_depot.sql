-- Ce que le bailleur dit au service instructeur en déposant (la réponse à des compléments, le plus souvent), à côté
-- du dernier message de l'instruction au bailleur. Celui du dernier dépôt; le journal garde ceux d'avant.
ALTER TABLE dossier ADD COLUMN message_depot text;
