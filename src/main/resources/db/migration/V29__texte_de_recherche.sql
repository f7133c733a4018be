-- Le texte où cherche ?recherche= (référence, nom de l'opération, commune, maître d'ouvrage), replié une fois à
-- l'écriture du dossier comme RechercheDeTexte replie les mots tapés (mêmes lettres, même table ; un test les compare) :
-- chercher parmi les milliers de dossiers d'un service lit cette colonne courte, sans relire chaque contenu.
ALTER TABLE dossier ADD COLUMN texte_recherche text GENERATED ALWAYS AS (
    translate(lower(coalesce(contenu->>'reference', '') || ' ' || coalesce(contenu#>>'{operation,nom}', '') || ' '
                    || coalesce(contenu#>>'{operation,commune,nom}', '') || ' ' || coalesce(contenu#>>'{maitreOuvrage,raisonSociale}', '')),
              'àâäáãåéèêëíìîïóòôöõúùûüýÿçñœæÀÂÄÁÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝŸÇÑŒÆ''’‘-‐–—',
              'aaaaaaeeeeiiiiooooouuuuyycnoaaaaaaaeeeeiiiiooooouuuuyycnoa       ')) STORED;
