-- Un compte que l'administration désactive ne s'authentifie plus. Il n'est pas supprimé: le journal et les jetons
-- qui le nomment gardent leur sens, et l'administration peut le réactiver.
ALTER TABLE compte ADD COLUMN actif boolean NOT NULL DEFAULT true;
