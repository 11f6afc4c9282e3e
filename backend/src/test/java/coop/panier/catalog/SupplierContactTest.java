package coop.panier.catalog;

import static coop.panier.testsupport.Tokens.admin;
import static coop.panier.testsupport.Tokens.integration;
import static coop.panier.testsupport.Tokens.member;
import static coop.panier.testsupport.Tokens.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Tokens.TestPerson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small producers are often private persons: their contact and the co-op's notes are not public. */
@QuarkusTest
class SupplierContactTest extends ApiTest {

    private String supplier;

    @BeforeEach
    void aProducerWithAContact() {
        supplier = api(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ferme " + UUID.randomUUID().toString().substring(0, 6), "kind", "PRODUCER",
                        "contact", "Jeanne Martin, 06 12 34 56 78", "notes", "Paie à 30 jours"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
    }

    @Test
    void anonymousCallersMembersAndIntegrationsGetThePublicView() {
        for (RequestSpecification caller : new RequestSpecification[] { api(),
                api(member(TestPerson.random("Paul", "Membre"))), api(integration(Set.of("member"), "catalog:read")) }) {
            caller.get("/api/v1/suppliers/" + supplier).then().statusCode(200)
                    .body("$", not(hasKey("contact"))).body("$", not(hasKey("notes")));
        }
        api().queryParam("limit", 200).get("/api/v1/suppliers").then().statusCode(200)
                .body("items.find { it.id == '" + supplier + "' }", not(hasKey("contact")))
                .body("items.findAll { it.contact != null || it.notes != null }.size()", equalTo(0));
    }

    @Test
    void adminsAndReferentsSeeContactAndNotes() {
        for (String token : new String[] { admin(),
                person(TestPerson.random("Rémi", "Référent"), Set.of("member", "referent")) }) {
            api(token).get("/api/v1/suppliers/" + supplier).then().statusCode(200)
                    .body("contact", equalTo("Jeanne Martin, 06 12 34 56 78")).body("notes", equalTo("Paie à 30 jours"));
        }
    }
}
