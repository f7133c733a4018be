-- Ce que la résolution a constaté sur la commune (connue ? dans le territoire demandé ?) au moment de l'évaluation.
-- Le découpage administratif change chaque 1er janvier (communes nouvelles) : rejouer une évaluation scellée avec la
-- géographie du jour changerait son reçu. Nulle pour les évaluations scellées avant cette migration, qui se
-- rejouent comme avant, avec la géographie du jour.
ALTER TABLE evaluation ADD COLUMN localisation jsonb;
