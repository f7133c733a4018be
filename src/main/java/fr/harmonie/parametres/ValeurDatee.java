package fr.harmonie.parametres;

import java.time.LocalDate;

/** Une valeur en vigueur de {@code depuis} (inclus) à {@code jusqua} (inclus, facultatif), avec sa source. */
public record ValeurDatee(LocalDate depuis, LocalDate jusqua, double valeur, String reference) {

    public boolean enVigueurLe(LocalDate date) {
        return !date.isBefore(depuis) && (jusqua == null || !date.isAfter(jusqua));
    }
}
