package coop.panier.volunteering;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.volunteering.ShiftFixtures.shiftIn;
import static coop.panier.volunteering.ShiftFixtures.signedUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Shifts short of people three days ahead: told once to the members who could come, and shown to the admins. */
@QuarkusTest
class UnderstaffedShiftsTest extends VolunteeringApiTest {

    @Inject
    UnderstaffedShifts understaffed;

    @Test
    void aShiftWithFreeSeatsThreeDaysAheadIsToldOnceToTheMembersNotOnIt() throws Exception {
        // Far ahead, at a time of its own: the job, run for then, meets no other test's shifts.
        Duration ahead = Duration.ofDays(400 + ThreadLocalRandom.current().nextInt(300))
                .plusMinutes(ThreadLocalRandom.current().nextInt(1440));
        String on = activeMember("Inscrite");
        String elsewhere = activeMember("Disponible");
        String shortOne = shiftIn("accueil", 3, ahead, Duration.ofHours(2));
        signedUp(on, shortOne);
        String full = shiftIn("caisse", 1, ahead.plusHours(1), Duration.ofHours(2));
        signedUp(activeMember("Complet"), full);
        String later = shiftIn("ménage", 2, ahead.plusDays(4), Duration.ofHours(2));
        Instant start = OffsetDateTime.parse(api(admin()).get("/api/v1/shifts/" + shortOne).path("startsAt")).toInstant();

        assertThat(understaffed.tell(start.minus(Duration.ofDays(4)))).as("four days before").isZero();
        assertThat(understaffed.tell(start.minus(Duration.ofDays(2)))).isEqualTo(1);
        assertThat(understaffed.tell(start.minus(Duration.ofDays(1)))).as("once").isZero();

        assertThat(events(shortOne)).containsExactly("shift.signed_up", "shift.understaffed 2");
        assertThat(events(full)).doesNotContain("shift.understaffed");
        assertThat(events(later)).isEmpty();
        List<UUID> told = recipients(shortOne);
        assertThat(told).contains(memberId(elsewhere)).doesNotContain(memberId(on));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into domain_event (id, type, version, occurred_at, subject_type, subject_id, payload)"
                        + " values (gen_random_uuid(), 'shift.understaffed', 1, now(), 'shift', ?, '{}')")) {
            s.setObject(1, UUID.fromString(shortOne));
            assertThatThrownBy(s::executeUpdate).as("once per shift, whatever ran it").isInstanceOf(SQLException.class)
                    .hasMessageContaining("domain_event_shift_understaffed_once");
        }
    }

    @Test
    void theDashboardShowsTheShiftsShortOfPeopleSoonestFirst() {
        String full = shiftIn("caisse", 1, Duration.ofMinutes(4), Duration.ofHours(2));
        signedUp(activeMember("Pleine"), full);
        String shortOne = shiftIn("accueil", 2, Duration.ofMinutes(5), Duration.ofHours(2));
        signedUp(activeMember("Seule"), shortOne);

        var read = api(admin()).get("/api/v1/admin/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(read.getInt("understaffedShifts.count")).isGreaterThanOrEqualTo(1);
        assertThat(read.getList("understaffedShifts.items.shiftId")).contains(shortOne).doesNotContain(full);
        Map<String, Object> shown = read.getMap("understaffedShifts.items.find { it.shiftId == '" + shortOne + "' }");
        assertThat(shown).containsEntry("task", "accueil").containsEntry("seats", 2).containsEntry("freeSeats", 1)
                .containsEntry("standInsWanted", 0);
        assertThat(OffsetDateTime.parse(read.getString("understaffedShifts.until")).toInstant())
                .isBetween(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60), Instant.now().plus(Duration.ofDays(3)));
    }

    private static UUID memberId(String token) {
        return UUID.fromString(ShiftFixtures.memberId(token));
    }

    private List<String> events(String shiftId) throws SQLException {
        return ShiftFixtures.shiftEvents(dataSource, "concat_ws(' ', type, payload ->> 'freeSeats')", shiftId);
    }

    private List<UUID> recipients(String shiftId) throws SQLException {
        return ShiftFixtures.mailedFor(dataSource, shiftId, "shift.understaffed");
    }
}
