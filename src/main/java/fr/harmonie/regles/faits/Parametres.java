package fr.harmonie.regles.faits;

import fr.harmonie.parametres.ParametresDates;
import fr.harmonie.parametres.ValeurDatee;
import java.time.LocalDate;

/** Les paramètres de la chaîne de packs, lus à la date de référence du dossier. */
public final class Parametres {

    private final ParametresDates parametres;
    private final LocalDate date;

    public Parametres(ParametresDates parametres, LocalDate date) {
        this.parametres = parametres;
        this.date = date;
    }

    /** La valeur en vigueur, ou {@code null} si aucune n'est connue à cette date: le contrôle est alors non vérifiable. */
    public Double nombre(String cle) {
        ValeurDatee v = parametres.valeur(cle, date);
        return v == null ? null : v.valeur();
    }

    /** Comme {@link #nombre(String)}, pour les paramètres que le socle garantit à toute date (pondérations, tolérances). */
    public double requis(String cle) {
        Double v = nombre(cle);
        if (v == null) {
            throw new IllegalStateException("Paramètre « " + cle + " » sans valeur au " + date);
        }
        return v;
    }

    /** La source de la valeur en vigueur (et le motif d'une surcharge territoriale), pour la citer dans un message. */
    public String reference(String cle) {
        ValeurDatee v = parametres.valeur(cle, date);
        if (v == null) {
            return null;
        }
        return v.motif() == null ? v.reference() : v.motif() + " — " + v.reference();
    }

    public LocalDate getDate() {
        return date;
    }
}
