package io.marketgate.simulator.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.SignedAwsRequests;
import io.marketgate.simulator.SimClock;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimHttpServer;
import io.marketgate.simulator.sigv4.SigV4;
import io.marketgate.simulator.state.SimIds;
import io.marketgate.simulator.state.SimState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/** Faults injected through the hook come back as the modelled errors, in each protocol. */
class EntitlementFaultHookTest {

    @Test
    void throttlingIsA400ThrottlingExceptionInJson() throws Exception {
        try (SimHttpServer server = serverWith(fault(EntitlementApiError.Type.THROTTLING))) {
            HttpResponse<byte[]> response = SignedAwsRequests.post(
                    endpoint(server),
                    "/",
                    Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", EntitlementApi.JSON_TARGET),
                    "{\"ProductCode\":\"p\"}".getBytes());

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = JsonMapper.builder().build().readTree(response.body());
            assertThat(error.get("__type").stringValue()).isEqualTo("ThrottlingException");
        }
    }

    @Test
    void anInternalErrorIsA500InCbor() throws Exception {
        try (SimHttpServer server = serverWith(fault(EntitlementApiError.Type.INTERNAL_SERVICE_ERROR))) {
            CBORMapper cbor = CBORMapper.builder().build();
            HttpResponse<byte[]> response = SignedAwsRequests.post(
                    endpoint(server),
                    EntitlementApi.CBOR_PATH,
                    Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"),
                    cbor.writeValueAsBytes(Map.of("ProductCode", "p")));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(cbor.readTree(response.body()).get("__type").stringValue())
                    .isEqualTo("com.amazonaws.marketplaceentitlementservice#InternalServiceErrorException");
        }
    }

    private static EntitlementFaultHook fault(EntitlementApiError.Type type) {
        return request -> Optional.of(new EntitlementApiError(type, "injected " + type));
    }

    private static SimHttpServer serverWith(EntitlementFaultHook hook) throws Exception {
        SimState state =
                new SimState(new SimClock(Clock.systemUTC()), new SimIds(1), Duration.ofHours(4), Duration.ofHours(1));
        Router router = new Router();
        new EntitlementApi(
                        state,
                        new SigV4("111122223333", false, key -> Optional.empty()),
                        new EntitlementPaging(1),
                        hook)
                .register(router);
        SimHttpServer server = new SimHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), router);
        server.start();
        return server;
    }

    private static URI endpoint(SimHttpServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
