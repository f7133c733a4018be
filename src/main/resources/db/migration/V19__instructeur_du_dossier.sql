-- Qui a pris le dossier en instruction, la dernière fois : dans un service à plusieurs instructeurs, chacun lit sa part
-- de la file (?instructeur=…), et la réponse à des compléments revient à qui les a demandés. Pour les dossiers déjà
-- pris : le dernier PRENDRE_EN_INSTRUCTION du journal.
ALTER TABLE dossier ADD COLUMN instructeur text;
UPDATE dossier d SET instructeur = (SELECT j.qui FROM journal j WHERE j.objet = 'dossier:' || d.id
                                    AND j.action = 'PRENDRE_EN_INSTRUCTION' ORDER BY j.id DESC LIMIT 1)
WHERE d.statut <> 'BROUILLON';
