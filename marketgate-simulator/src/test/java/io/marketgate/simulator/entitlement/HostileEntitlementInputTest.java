package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.ContractFixtures.allValueTypes;
import static io.marketgate.simulator.ContractFixtures.contractProduct;
import static io.marketgate.simulator.ContractFixtures.directContract;
import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.SignedAwsRequests;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.cbor.CBORMapper;

/** Malformed GetEntitlements requests are InvalidParameterException (400) in both protocols, never a 500. */
class HostileEntitlementInputTest {

    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).seed(29).build().start();
        contractProduct(sim, "prodhostile01", IdentityMode.LICENSE);
        directContract(sim, "prodhostile01", "340000000001", allValueTypes(1));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"ProductCode\": \"prodhostile01\", \"MaxResults\": -1}",
                "{\"ProductCode\": \"prodhostile01\", \"MaxResults\": 1e20}",
                "{\"ProductCode\": \"prodhostile01\", \"MaxResults\": 99999999999999999999999999}",
                "{\"ProductCode\": \"prodhostile01\", \"MaxResults\": NaN}",
                "{\"ProductCode\": \"prodhostile01\", \"MaxResults\": \"5\"}",
                "{\"ProductCode\": [\"prodhostile01\"]}",
                "{\"ProductCode\": \"prodhostile01\", \"Filter\": []}",
                "{\"ProductCode\": \"prodhostile01\", \"Filter\": {\"DIMENSION\": \"seats\"}}",
                "{\"ProductCode\": \"prodhostile01\", \"Filter\": {\"DIMENSION\": [null]}}",
                "{\"ProductCode\": \"prodhostile01\", \"NextToken\": 5}",
                "{\"ProductCode\": \"prodhostile01\", \"NextToken\": \"%%%\"}",
                "{\"ProductCode\": \"prodhostile01\", \"NextToken\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}",
                "[]",
                "null",
                "{",
                "\"x\""
            })
    void malformedJsonRequestIsAnInvalidParameter(String body) throws Exception {
        HttpResponse<byte[]> response = SignedAwsRequests.post(
                sim.endpoint(),
                "/",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", EntitlementApi.JSON_TARGET),
                body.getBytes());

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(400);
        assertThat(new String(response.body())).contains("InvalidParameterException");
    }

    /** Hex-encoded CBOR: truncated, wrong types, undefined, NaN, a bignum, a byte string. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a1",
                "ff",
                "a16b50726f64756374436f6465",
                "a16b50726f64756374436f646505",
                "a16b50726f64756374436f6465f7",
                "a26b50726f64756374436f64656d70726f64686f7374696c6530316a4d6178526573756c7473f97e00",
                "a26b50726f64756374436f64656d70726f64686f7374696c6530316a4d6178526573756c7473c24901000000000000000001",
                "a26b50726f64756374436f64656d70726f64686f7374696c6530316646696c746572a1694449454d454e53494f4e81f6",
                "a26b50726f64756374436f64656d70726f64686f7374696c653031694e657874546f6b656e4401020304",
                "9f"
            })
    void malformedCborRequestIsAnInvalidParameter(String hex) throws Exception {
        HttpResponse<byte[]> response = SignedAwsRequests.post(
                sim.endpoint(),
                EntitlementApi.CBOR_PATH,
                Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"),
                HexFormat.of().parseHex(hex));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(CBORMapper.builder()
                        .build()
                        .readTree(response.body())
                        .get("__type")
                        .stringValue())
                .endsWith("#InvalidParameterException");
    }
}
