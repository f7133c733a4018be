-- Un jeton peut n'être valable que jusqu'à un jour (compris, à Paris) : le secret d'un système de recette, ou d'un
-- prestataire le temps de sa mission, cesse de valoir sans que personne pense à le révoquer. Sans jour, il vaut
-- jusqu'à sa révocation, comme avant.
ALTER TABLE jeton ADD COLUMN valable_jusqu_au date;
