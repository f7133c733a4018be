-- Une migration plus longue que le délai de réponse de la base donné aux requêtes (ReseauMuetTest : 2 s), comme la
-- construction d'un index sur des années d'évaluations : elle doit aller à son terme.
SELECT pg_sleep(3);
