package coop.panier.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import coop.panier.testsupport.ApiTest;
import coop.panier.testsupport.Contract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContractServedTest extends ApiTest {

    @Test
    void theServedContractIsTheRootOpenapiYaml() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode written = yaml.readTree(Files.readString(Contract.path()));
        JsonNode served = yaml.readTree(outsideContract().get("/q/openapi").then().statusCode(200).extract().asString());

        assertThat(served).isEqualTo(written);
    }
}
