-- Les notes que les instructeurs d'un service tiennent sur un dossier (« appelé le bailleur le 3, plan de masse en
-- cours ») : pour eux et pour la DREAL, jamais pour le bailleur. En ajout seul, comme le journal : une note se corrige
-- par une autre. Une note ne change pas le dossier (ni sa version, ni modifie_le) : le bailleur qui le modifie n'est
-- pas arrêté par la note d'un instructeur.
CREATE TABLE note_instruction (
    id         bigserial   PRIMARY KEY,
    dossier_id uuid        NOT NULL REFERENCES dossier (id),
    quand      timestamptz NOT NULL DEFAULT now(),
    qui        text        NOT NULL,
    texte      text        NOT NULL
);
CREATE INDEX note_instruction_dossier ON note_instruction (dossier_id, id);
CREATE TRIGGER note_instruction_immuable BEFORE UPDATE OR DELETE OR TRUNCATE ON note_instruction
    FOR EACH STATEMENT EXECUTE FUNCTION ajout_seul();
