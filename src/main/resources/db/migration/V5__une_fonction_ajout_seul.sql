-- Une seule fonction pour toutes les tables en ajout seul (journal, évaluations scellées), qui nomme la table.
-- Nouvelle migration plutôt que V1/V3 modifiées : une base déjà migrée refuserait de démarrer (somme de contrôle).
CREATE FUNCTION ajout_seul() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'La table % est en ajout seul : % refusé', TG_TABLE_NAME, TG_OP;
END;
$$;

DROP TRIGGER journal_immuable ON journal;
CREATE TRIGGER journal_immuable BEFORE UPDATE OR DELETE OR TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION ajout_seul();

DROP TRIGGER evaluation_immuable ON evaluation;
CREATE TRIGGER evaluation_immuable BEFORE UPDATE OR DELETE OR TRUNCATE ON evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION ajout_seul();

DROP FUNCTION journal_en_ajout_seul();
DROP FUNCTION evaluation_scellee();
