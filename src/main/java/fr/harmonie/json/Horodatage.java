package fr.harmonie.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A time of the API (deposited, created, modified, logged…) written by the service itself, as Jackson writes the
 * others: RFC 3339, seconds always there. {@code OffsetDateTime.toString()} leaves them out when they and their fraction
 * are zero (« 2025-10-31T22:30Z »), which ISO 8601 allows but RFC 3339, the OpenAPI date-time format and strict clients
 * refuse.
 */
public final class Horodatage {

    private Horodatage() {
    }

    public static String enTexte(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
