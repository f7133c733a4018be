-- Jetons des clients machines, par organisation: seule l'empreinte (sha256) du jeton est gardée.
CREATE TABLE jeton (
    id              bigserial   PRIMARY KEY,
    empreinte       text        NOT NULL UNIQUE,
    libelle         text        NOT NULL,
    organisation_id bigint      NOT NULL REFERENCES organisation (id),
    role            text        NOT NULL CHECK (role IN ('BAILLEUR', 'INSTRUCTEUR', 'DREAL', 'ADMIN')),
    cree_par        text        NOT NULL,
    cree_le         timestamptz NOT NULL DEFAULT now(),
    revoque         boolean     NOT NULL DEFAULT false
);
