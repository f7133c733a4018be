-- Évaluations scellées: l'entrée telle qu'évaluée, la chaîne de packs (ids, versions, empreintes), le résultat et
-- son reçu. Jamais modifiées ni supprimées.
CREATE TABLE evaluation (
    id         uuid        PRIMARY KEY,
    dossier_id uuid        NOT NULL REFERENCES dossier (id),
    par        text        NOT NULL,
    cree_le    timestamptz NOT NULL DEFAULT now(),
    entree     jsonb       NOT NULL,
    chaine     jsonb       NOT NULL,
    resultat   jsonb       NOT NULL,
    empreinte  text        NOT NULL
);
CREATE INDEX evaluation_dossier ON evaluation (dossier_id);

CREATE FUNCTION evaluation_scellee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Une évaluation est scellée : % refusé', TG_OP;
END;
$$;

CREATE TRIGGER evaluation_immuable BEFORE UPDATE OR DELETE OR TRUNCATE ON evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION evaluation_scellee();

-- Au dépôt, la chaîne de packs est figée sur le dossier; l'instruction peut laisser un message au bailleur.
ALTER TABLE dossier ADD COLUMN chaine jsonb;
ALTER TABLE dossier ADD COLUMN message_instruction text;
