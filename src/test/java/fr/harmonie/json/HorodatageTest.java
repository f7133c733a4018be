package fr.harmonie.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A time the service writes itself has the form of those Jackson writes: seconds kept, even on the minute. */
class HorodatageTest {

    @Test
    void uneHeureRondeGardeSesSecondesCommeChezJackson() {
        assertThat(Horodatage.enTexte(OffsetDateTime.parse("2025-10-31T22:30Z"))).isEqualTo("2025-10-31T22:30:00Z");
        assertThat(Horodatage.enTexte(OffsetDateTime.parse("2025-11-01T00:00+01:00"))).isEqualTo("2025-11-01T00:00:00+01:00");
        for (String t : new String[] {"2025-10-31T22:30Z", "2026-12-07T06:36:06.966643Z", "2026-12-07T06:36:00.5Z"}) {
            OffsetDateTime instant = OffsetDateTime.parse(t);
            assertThat('"' + Horodatage.enTexte(instant) + '"').isEqualTo(Json.MAPPER.writeValueAsString(instant));
        }
    }
}
