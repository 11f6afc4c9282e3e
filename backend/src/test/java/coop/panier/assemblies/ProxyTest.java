package coop.panier.assemblies;

import static coop.panier.drive.DriveFixtures.activeMember;
import static coop.panier.testsupport.Tokens.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Proxies: one given per member and assembly, never to oneself, at most the co-op's maximum held. */
@QuarkusTest
class ProxyTest extends AssembliesApiTest {

    private static Response give(String token, String assemblyId, String holderId) {
        return api(token).contentType(ContentType.JSON).body(Map.of("holderId", holderId))
                .put("/api/v1/assemblies/" + assemblyId + "/proxies/mine");
    }

    private static void setMaxHeld(int max) {
        String etag = api(admin()).get("/api/v1/assembly-rules").then().statusCode(200).extract().header("ETag");
        api(admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("agendaCloseDays", 7, "maxProxiesHeld", max)).put("/api/v1/assembly-rules").then()
                .statusCode(200).body("maxProxiesHeld", equalTo(max));
    }

    @Test
    void aMemberGivesTheirProxyAndAHolderHoldsOnlyAsManyAsTheCoopAllows() {
        String assembly = assemblyIn(Duration.ofDays(15), memberId(activeMember("Animatrice")));
        String giver = activeMember("Absente");
        String holderToken = activeMember("Présente");
        String holder = memberId(holderToken);

        give(giver, assembly, holder).then().statusCode(200).body("holder.id", equalTo(holder))
                .body("giver.firstName", equalTo("Absente"));
        api(giver).get("/api/v1/assemblies/" + assembly).then().body("myProxy.id", equalTo(holder));
        api(holderToken).get("/api/v1/assemblies/" + assembly).then().body("proxiesHeld", hasSize(1))
                .body("proxiesHeld[0].firstName", equalTo("Absente"));

        give(activeMember("Second"), assembly, holder).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "proxy-limit-reached"));
        String other = memberId(activeMember("Autre"));
        give(giver, assembly, other).then().statusCode(200); // giving it again moves it
        api(holderToken).get("/api/v1/assemblies/" + assembly).then().body("proxiesHeld", hasSize(0));
        api(giver).get("/api/v1/assemblies/" + assembly + "/proxies").then().body("items", hasSize(1))
                .body("items[0].holder.id", equalTo(other));

        api(giver).delete("/api/v1/assemblies/" + assembly + "/proxies/mine").then().statusCode(204);
        api(giver).get("/api/v1/assemblies/" + assembly).then().body("myProxy", nullValue());
        api(giver).delete("/api/v1/assemblies/" + assembly + "/proxies/mine").then().statusCode(404);
    }

    @Test
    void aProxyToOneselfOrToNoActiveMemberIsRefused() {
        String assembly = assemblyIn(Duration.ofDays(15), memberId(activeMember("Animatrice")));
        String me = activeMember("Moi");
        give(me, assembly, memberId(me)).then().statusCode(409).body("type", equalTo(PROBLEMS + "proxy-to-oneself"));
        give(me, assembly, UUID.randomUUID().toString()).then().statusCode(400).body("errors[0].field", equalTo("holderId"));
    }

    @Test
    void theLimitIsASettingAndPostgresqlRefusesBeyondIt() throws SQLException {
        String assembly = assemblyIn(Duration.ofDays(15), memberId(activeMember("Animatrice")));
        String holder = memberId(activeMember("Porteuse"));
        try {
            setMaxHeld(2);
            give(activeMember("Un"), assembly, holder).then().statusCode(200);
            give(activeMember("Deux"), assembly, holder).then().statusCode(200);
            give(activeMember("Trois"), assembly, holder).then().statusCode(409)
                    .body("detail", equalTo("Cette personne détient déjà 2 procurations pour cette assemblée, le maximum de la"
                            + " coopérative : choisissez quelqu'un d'autre."));
            String fourth = memberId(activeMember("Quatre"));
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "insert into assembly_proxy (assembly_id, giver_id, holder_id, given_at) values (?, ?, ?, now())")) {
                s.setObject(1, UUID.fromString(assembly));
                s.setObject(2, UUID.fromString(fourth));
                s.setObject(3, UUID.fromString(holder));
                assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("assembly_proxy_limit");
                s.setObject(3, UUID.fromString(fourth));
                assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("assembly_proxy_not_to_oneself");
            }
        } finally {
            setMaxHeld(1);
        }
    }

    @Test
    void onceTheAssemblyStartedProxiesNoLongerChange() {
        String facilitator = activeMember("Animateur");
        String assembly = assemblyIn(Duration.ofDays(15), memberId(facilitator));
        String giver = activeMember("Tardive");
        api(facilitator).post("/api/v1/assemblies/" + assembly + "/start").then().statusCode(200);
        give(giver, assembly, memberId(facilitator)).then().statusCode(409);
        assertThat(api(giver).get("/api/v1/assemblies/" + assembly + "/proxies").then().extract().jsonPath()
                .getList("items")).isEmpty();
    }
}
