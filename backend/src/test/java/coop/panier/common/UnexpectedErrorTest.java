package coop.panier.common;

import static coop.panier.testsupport.Tokens.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;


import org.junit.jupiter.api.Test;

import coop.panier.members.MemberService;
import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.LogCapture;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UnexpectedErrorTest extends ApiTest {

    @InjectMock
    MemberService service;

    @Test
    void anUnexpectedErrorIs500WithACorrelationIdAndNoInternals() {
        when(service.current(any())).thenThrow(new IllegalStateException("SELECT secret FROM member"));

        try (LogCapture log = LogCapture.of(ProblemMappers.class.getName())) {
            var response = api(member(TestPerson.random("Théo", "Muller"))).get("/api/v1/me")
                    .then().statusCode(500).contentType("application/problem+json")
                    .body("correlationId", matchesPattern("[0-9a-f-]{36}"))
                    .body("detail", containsString("référence"))
                    .extract();
            String correlationId = response.path("correlationId");

            assertThat(response.asString()).doesNotContain("SELECT", "IllegalStateException", "at coop.panier");
            assertThat(log.records()).anySatisfy(record -> {
                assertThat(String.format(record.getMessage(), record.getParameters())).contains(correlationId);
                assertThat(record.getThrown()).hasMessageContaining("SELECT secret");
            });
        }
    }

}
