package coop.panier.volunteering;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

import coop.panier.memberships.MembershipScaleRepository;
import coop.panier.memberships.TestScales;
import coop.panier.testsupport.ApiTest;
import jakarta.inject.Inject;

/** Base of the volunteering API tests: a membership scale in force today, and the database to look into. */
abstract class VolunteeringApiTest extends ApiTest {

    @Inject
    MembershipScaleRepository scales;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aScale() {
        TestScales.ensureOneInForceToday(scales);
    }
}
