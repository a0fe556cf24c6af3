package io.marketgate.simulator.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawAwsJson;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StrictSignaturesTest {

    static Simulator sim;
    static final String BODY = "{\"RegistrationToken\":\"x\"}";

    @BeforeAll
    static void start() {
        sim = MarketplaceFixtures.simulator(707).strictSignatures(true).build().start();
        MarketplaceFixtures.product(sim.state(), "legacyprod", IdentityMode.LEGACY);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void wrongSigningServiceIsInvalidSignatureLikeAws() throws Exception {
        RawAwsJson.Response response = new RawAwsJson(
                        sim.endpoint(), "AKIDEXAMPLE", "us-east-1", "metering.marketplace")
                .send("AWSMPMeteringService.ResolveCustomer", BODY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(response.message()).startsWith("Credential should be scoped to correct service: 'aws-marketplace'.");
    }

    @Test
    void unservedRegionIsInvalidSignature() throws Exception {
        RawAwsJson.Response response = new RawAwsJson(sim.endpoint(), "AKIDEXAMPLE", "mars-north-1", "aws-marketplace")
                .send("AWSMPMeteringService.ResolveCustomer", BODY);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("Credential should be scoped to a valid region, not 'mars-north-1'");
    }

    @Test
    void correctlyScopedRequestReachesTheOperation() throws Exception {
        RawAwsJson.Response response = RawAwsJson.marketplace(sim).send("AWSMPMeteringService.ResolveCustomer", BODY);

        assertThat(response.errorType()).isEqualTo("InvalidTokenException");
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(sim.endpoint())
                                .header("X-Amz-Target", "AWSMPMeteringService.ResolveCustomer")
                                .header("Content-Type", "application/x-amz-json-1.1")
                                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("MissingAuthenticationTokenException");
    }

    @Test
    void credentialScopeIsReadFromTheAuthorizationHeader() {
        assertThat(CredentialScope.parse("AKID/20260315/eu-west-1/aws-marketplace/aws4_request"))
                .contains(new CredentialScope("AKID", "20260315", "eu-west-1", "aws-marketplace"));
        assertThat(CredentialScope.parse("garbage")).isEmpty();
    }
}
