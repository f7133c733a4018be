-- Les mots de passe erronés de suite, par identifiant (existant ou non), comptés en base: la pause qui freine qui
-- devine un mot de passe vaut pour toutes les instances et survit à un redémarrage.
-- cle: sha256 de l'identifiant tel que tapé, de longueur et de caractères bornés quoi qu'on envoie.
CREATE TABLE tentative_connexion (
    cle           text        PRIMARY KEY,
    echecs        integer     NOT NULL,
    derniere      timestamptz NOT NULL,
    pause_jusqu_a timestamptz
);
