-- Chaque rechargement des packs fait par l'administration, et les versions qu'il a mises en service: les autres
-- instances sur cette base le voient et rechargent à leur tour. Le journal garde qui a rechargé; cette table sert au suivi.
CREATE TABLE rechargement_packs (
    id    bigserial   PRIMARY KEY,
    quand timestamptz NOT NULL DEFAULT now(),
    qui   text        NOT NULL,
    packs jsonb       NOT NULL
);
