-- Depuis quand un dossier est à son statut : le jour de la décision d'un dossier instruit, celui de la demande de
-- compléments dont le service attend la réponse, celui où l'instruction a commencé, celui du retrait. Une étape qui
-- garde le statut (CONFIER, CORRIGER_DECISION) ou une modification ne la change pas. Les dossiers d'avant se datent par
-- la dernière ligne du journal qui a changé leur statut, et un brouillon par sa création.
ALTER TABLE dossier ADD COLUMN statut_depuis timestamptz;
UPDATE dossier d SET statut_depuis = coalesce(
    (SELECT max(j.quand) FROM journal j WHERE j.objet = 'dossier:' || d.id
       AND j.action IN ('DEPOT', 'PRENDRE_EN_INSTRUCTION', 'DEMANDER_COMPLEMENTS', 'INSTRUIRE', 'ROUVRIR_INSTRUCTION', 'RETRAIT')),
    d.depose_le, d.cree_le);
ALTER TABLE dossier ALTER COLUMN statut_depuis SET DEFAULT now();
ALTER TABLE dossier ALTER COLUMN statut_depuis SET NOT NULL;
-- La liste dans cet ordre (tri=statutDepuis), page après page : les demandes de compléments qui attendent le plus.
CREATE INDEX dossier_statut_depuis ON dossier (statut_depuis, id);
