-- Un audit lit le journal par auteur (?qui=, ce qu'un compte a fait) et par jours (?du=&au=) : sans ces index, chaque
-- page parcourrait tout le journal, qui ne fait que grandir.
CREATE INDEX journal_qui ON journal (qui, id);
CREATE INDEX journal_quand ON journal (quand);
