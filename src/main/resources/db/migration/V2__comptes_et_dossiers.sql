-- Organisations: bailleurs (par SIREN), services instructeurs (avec les packs qu'ils instruisent), DREAL (avec
-- leur région), administration.
CREATE TABLE organisation (
    id      bigserial PRIMARY KEY,
    type    text NOT NULL CHECK (type IN ('BAILLEUR', 'SERVICE_INSTRUCTEUR', 'DREAL', 'ADMINISTRATION')),
    nom     text NOT NULL,
    siren   text UNIQUE CHECK (siren ~ '^[0-9]{9}$'),
    region  text
);

CREATE TABLE organisation_territoire (
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    pack_id         text   NOT NULL,
    PRIMARY KEY (organisation_id, pack_id)
);

CREATE TABLE compte (
    id              bigserial PRIMARY KEY,
    identifiant     text   NOT NULL UNIQUE,
    mot_de_passe    text   NOT NULL,
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    role            text   NOT NULL CHECK (role IN ('BAILLEUR', 'INSTRUCTEUR', 'DREAL', 'ADMIN'))
);

-- Dossiers: le contenu au format 1, le statut du cycle de vie, une version pour le verrouillage optimiste.
CREATE TABLE dossier (
    id              uuid        PRIMARY KEY,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    statut          text        NOT NULL CHECK (statut IN ('BROUILLON', 'DEPOSE', 'EN_INSTRUCTION', 'COMPLEMENTS_DEMANDES', 'INSTRUIT')),
    contenu         jsonb       NOT NULL,
    version         integer     NOT NULL,
    territoire      text,
    region          text,
    cree_le         timestamptz NOT NULL DEFAULT now(),
    modifie_le      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_organisation ON dossier (organisation_id);
CREATE INDEX dossier_territoire ON dossier (territoire);
