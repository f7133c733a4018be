-- La liste de contrôle de l'instructeur : pour chaque pièce requise au dépôt, ce qu'il en a jugé (conforme, non
-- conforme, à vérifier), avec son commentaire, qui et quand. Le dernier jugement de chaque pièce ; le journal les garde
-- tous (CONTROLE_PIECE). Pour le service et la DREAL, comme les notes ; le bailleur apprend ce qui manque par la
-- demande de compléments. Un jugement ne change pas le dossier (ni sa version, ni modifie_le).
CREATE TABLE controle_piece (
    dossier_id  uuid        NOT NULL REFERENCES dossier (id),
    code        text        NOT NULL,
    etat        text        NOT NULL CHECK (etat IN ('A_VERIFIER', 'CONFORME', 'NON_CONFORME')),
    commentaire text,
    qui         text        NOT NULL,
    quand       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dossier_id, code)
);
