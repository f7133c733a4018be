-- Quand le contenu d'un dossier a changé pour la dernière fois (création ou modification), à distinguer de
-- modifie_le que les transitions (dépôt, instruction) changent aussi: une évaluation postérieure porte sur le contenu
-- actuel. Pour les dossiers existants, modifie_le en tient lieu (au pire plus tardif: une évaluation paraît alors
-- antérieure, jamais l'inverse).
ALTER TABLE dossier ADD COLUMN contenu_modifie_le timestamptz;
UPDATE dossier SET contenu_modifie_le = modifie_le;
ALTER TABLE dossier ALTER COLUMN contenu_modifie_le SET NOT NULL, ALTER COLUMN contenu_modifie_le SET DEFAULT now();
