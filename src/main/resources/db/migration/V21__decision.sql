-- Le sens de la décision qui clôt l'instruction (INSTRUIRE) : FAVORABLE (l'agrément) ou DEFAVORABLE (le refus), tel que
-- le service le dit en la clôturant. Le bailleur lit ainsi l'issue de sa demande, et la DREAL compte les agréments de
-- chaque mois (la concentration de fin d'année que la démarche de lissage veut réduire). NULL avant la clôture, et pour
-- une clôture qui ne l'a pas dit (celles d'avant cette colonne, ou d'un client qui ne l'envoie pas).
ALTER TABLE dossier ADD COLUMN decision text CHECK (decision IN ('FAVORABLE', 'DEFAVORABLE'));
