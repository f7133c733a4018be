-- L'historique d'un dossier (et le journal d'une DREAL, joint aux dossiers de sa région) se lit par objet: sans cet
-- index, chaque lecture parcourrait tout le journal, qui ne fait que grandir.
CREATE INDEX journal_objet ON journal (objet, id);
