-- Versions de packs: importées au démarrage depuis rules/ et territories/, par empreinte de contenu, pour que les
-- anciennes versions restent disponibles (rejouer une évaluation ancienne). Une version ne change jamais.
CREATE TABLE pack_version (
    pack_id     text        NOT NULL,
    version     text        NOT NULL,
    empreinte   text        NOT NULL,
    libelle     text        NOT NULL,
    niveau      text        NOT NULL,
    parent      text,
    valid_from  date        NOT NULL,
    valid_until date,
    importe_le  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pack_id, version),
    UNIQUE (empreinte)
);

CREATE TABLE pack_fichier (
    pack_id  text  NOT NULL,
    version  text  NOT NULL,
    chemin   text  NOT NULL,
    contenu  bytea NOT NULL,
    PRIMARY KEY (pack_id, version, chemin),
    FOREIGN KEY (pack_id, version) REFERENCES pack_version (pack_id, version)
);

-- Journal: qui, quand, quoi. En ajout seul: la base refuse toute modification ou suppression.
CREATE TABLE journal (
    id        bigserial   PRIMARY KEY,
    quand     timestamptz NOT NULL DEFAULT now(),
    qui       text        NOT NULL,
    action    text        NOT NULL,
    objet     text        NOT NULL,
    detail    jsonb
);

CREATE FUNCTION journal_en_ajout_seul() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Le journal est en ajout seul : % refusé', TG_OP;
END;
$$;

CREATE TRIGGER journal_immuable BEFORE UPDATE OR DELETE OR TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION journal_en_ajout_seul();
