package coop.panier.memberships;

import static coop.panier.testsupport.Tokens.member;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A co-op in seasons whose late joiners count for the next season: the season ends in 10 days. */
@QuarkusTest
@TestProfile(MembershipLateJoinTest.SeasonEndingSoonWithLateJoin.class)
class MembershipLateJoinTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    /** The next season's first day: in 10 days, or 11 when the 10th is a 29 February. */
    private static final LocalDate NEXT_SEASON = TODAY.plusDays(10).getDayOfMonth() == 29
            && TODAY.plusDays(10).getMonthValue() == 2 ? TODAY.plusDays(11) : TODAY.plusDays(10);

    public static class SeasonEndingSoonWithLateJoin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("panier.membership.season-start", NEXT_SEASON.format(DateTimeFormatter.ofPattern("MM-dd")),
                    "panier.membership.late-join-days", "30");
        }
    }

    @Test
    void someoneJoiningInTheLastDaysOfASeasonIsAMemberUntilTheEndOfTheNextAtItsFee() {
        TestScales.define(NEXT_SEASON.minusYears(1), NEXT_SEASON.minusDays(1), 1_000, 2_000, 4_000, 6_000);
        String next = TestScales.define(NEXT_SEASON, NEXT_SEASON.plusYears(1).minusDays(1), 1_100, 2_200, 4_400, 6_600);
        TestPerson person = TestPerson.random("Quentin", "Tardif");

        api(member(person)).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0)))
                .post("/api/v1/me/membership/quote").then().statusCode(200)
                .body("scaleId", equalTo(next)).body("feeCents", equalTo(4_400));
        api(member(person)).contentType(ContentType.JSON)
                .body(Map.of("monthlyIncomeCents", 150_000, "household", Map.of("adults", 1, "children", 0)))
                .post("/api/v1/me/membership").then().statusCode(201)
                .body("periodStart", equalTo(TODAY.toString()))
                .body("periodEnd", equalTo(NEXT_SEASON.plusYears(1).minusDays(1).toString()))
                .body("scaleId", equalTo(next))
                .body("bracketFeeCents", equalTo(4_400));
    }
}
