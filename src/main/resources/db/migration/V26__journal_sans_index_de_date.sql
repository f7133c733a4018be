-- L'index journal (quand) de V24 faisait choisir à PostgreSQL, pour les statistiques (le journal joint aux dossiers sur
-- une période), une boucle imbriquée qui relit le journal pour chaque dossier : 0,40 s au lieu de 0,055 s par lecture des
-- statistiques, mesuré sur 1 368 dossiers et 12 672 lignes de journal (le même service, l'index ôté). Le filtre du/au du
-- journal s'en passe : ses pages se lisent par identifiant décroissant, que la date suit.
DROP INDEX IF EXISTS journal_quand;
