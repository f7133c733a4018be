package fr.harmonie.parametres;

import java.time.LocalDate;

/**
 * Une valeur en vigueur de {@code depuis} (inclus) à {@code jusqua} (inclus, facultatif), avec sa source, et pour une
 * surcharge territoriale son motif.
 */
public record ValeurDatee(LocalDate depuis, LocalDate jusqua, double valeur, String reference, String motif) {

    public boolean enVigueurLe(LocalDate date) {
        return !date.isBefore(depuis) && (jusqua == null || !date.isAfter(jusqua));
    }
}
