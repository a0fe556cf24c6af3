package io.marketgate.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.MarketplaceFixtures;
import io.marketgate.simulator.RawHttp;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.state.IdentityMode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one guard in front of every state-changing control and buyer request. */
class LocalOriginGuardTest {

    private static final String ROLE = "{\"roleArn\": \"arn:aws:iam::111122223333:role/metering\"}";

    private Simulator sim;
    private String self;

    @BeforeEach
    void start() {
        sim = MarketplaceFixtures.simulator(5).build().start();
        MarketplaceFixtures.product(sim.state(), "p1", IdentityMode.LICENSE);
        self = "127.0.0.1:" + sim.endpoint().getPort();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void dnsRebindingPageIsRefusedOnEveryControlAndBuyerChange() {
        String evil = "rebind.attacker.example:" + sim.endpoint().getPort();
        Map<String, String> headers = Map.of("Host", evil, "Origin", "http://" + evil, "Content-Type", "text/plain");

        List<RawHttp.Reply> replies = List.of(
                send("POST", "/_sim/roles", headers, ROLE),
                send("POST", "/_sim/notifications/flush", headers, ""),
                send("PUT", "/_sim/faults/BatchMeterUsage", headers, "{\"throttleRate\": 1}"),
                send("DELETE", "/_sim/ledger", headers, ""),
                send("POST", "/_sim/buyers", headers, "{\"name\": \"x\"}"),
                send("POST", "/buyer/subscribe", headers, "productCode=p1&buyerAccountId=new"));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(403));
        assertThat(replies.getFirst().body()).contains("\"error\"").contains("rebind.attacker.example");
        assertThat(sim.stsRoles().roles()).isEmpty();
        assertThat(sim.faults().all()).isEmpty();
        assertThat(sim.state().agreements()).isEmpty();
        assertThat(sim.state().buyers()).isEmpty();
    }

    @Test
    void textPlainPostFromAnotherOriginCannotRegisterARole() {
        RawHttp.Reply reply = send(
                "POST",
                "/_sim/roles",
                Map.of("Host", self, "Origin", "https://attacker.example", "Content-Type", "text/plain"),
                ROLE);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(reply.body()).contains("https://attacker.example");
        assertThat(sim.stsRoles().roles()).isEmpty();
    }

    /** {@code ////_sim/roles} has the path {@code //_sim/roles}, which the router matches as /_sim/roles. */
    @Test
    void repeatedSlashesDoNotSlipPastTheGuard() {
        RawHttp.Reply reply =
                send("POST", "////_sim/roles", Map.of("Host", self, "Origin", "https://attacker.example"), ROLE);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(sim.stsRoles().roles()).isEmpty();
    }

    @Test
    void refusedBuyerFormGetsAnHtmlPageWithTheReasonEscaped() {
        RawHttp.Reply reply = send(
                "POST",
                "/buyer/subscribe",
                Map.of("Host", self, "Origin", "https://<b>attacker</b>.example"),
                "productCode=p1&buyerAccountId=new");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.head()).containsIgnoringCase("Content-Type: text/html");
        assertThat(reply.body()).contains("&lt;b&gt;attacker").doesNotContain("<b>attacker");
        assertThat(sim.state().agreements()).isEmpty();
    }

    @Test
    void sameOriginChangesFromTheSimulatorsOwnPagesAreAccepted() {
        String localhost = "localhost:" + sim.endpoint().getPort();

        RawHttp.Reply viaIp = send("POST", "/_sim/roles", Map.of("Host", self, "Origin", "http://" + self), ROLE);
        RawHttp.Reply viaName = send(
                "POST",
                "/buyer/subscribe",
                Map.of("Host", localhost, "Origin", "http://" + localhost),
                "productCode=p1&buyerAccountId=new");
        RawHttp.Reply script = send("DELETE", "/_sim/ledger", Map.of("Host", self), "");

        assertThat(viaIp.status()).isEqualTo(201);
        assertThat(viaName.status()).isEqualTo(200);
        assertThat(script.status()).isEqualTo(204);
        assertThat(sim.state().agreements()).hasSize(1);
    }

    @Test
    void dnsRebindingPageCannotReadTheControlApiWhichShowsRegistrationTokens() {
        String evil = "rebind.attacker.example:" + sim.endpoint().getPort();

        RawHttp.Reply reply = send("GET", "/_sim/agreements", Map.of("Host", evil), "");

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void pagesOfAnotherSiteCannotAskStsForCredentials() {
        String self = "127.0.0.1:" + sim.endpoint().getPort();
        String evil = "rebind.attacker.example:" + sim.endpoint().getPort();
        String assumeRole = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr"
                + "&RoleSessionName=s";
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");

        RawHttp.Reply crossSite =
                send("POST", "/", with(form, "Host", self, "Origin", "http://evil.example"), assumeRole);
        RawHttp.Reply rebinding = send("POST", "/", with(form, "Host", evil, "Origin", "http://" + evil), assumeRole);

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(rebinding.status()).isEqualTo(403);
    }

    @Test
    void aRebindingPageGetsNoCredentialsFromStsByGetOrPostWithoutOriginOrWithAnAuthorizationHeader() {
        String evil = "rebind.attacker.example:" + sim.endpoint().getPort();
        String assumeRole = "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr"
                + "&RoleSessionName=session";
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260315/us-east-1/sts/aws4_request,"
                + " SignedHeaders=host, Signature=00";

        List<RawHttp.Reply> rebinding = List.of(
                send("GET", "/?" + assumeRole, Map.of("Host", evil), ""),
                send(
                        "POST",
                        "/",
                        Map.of("Host", evil, "Content-Type", "application/x-www-form-urlencoded"),
                        assumeRole),
                send("GET", "/?" + assumeRole, Map.of("Host", evil, "Authorization", authorization), ""));
        RawHttp.Reply local = send("GET", "/?" + assumeRole, Map.of("Host", self), "");

        assertThat(rebinding).as(rebinding.toString()).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.body()).doesNotContain("AccessKeyId").contains("rebind.attacker.example");
        });
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("<AccessKeyId>");
    }

    private static Map<String, String> with(Map<String, String> base, String k1, String v1, String k2, String v2) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(base);
        headers.put(k1, v1);
        headers.put(k2, v2);
        return headers;
    }

    @Test
    void awsApiCallsAreNotGuardedWhateverTheirHost() {
        RawHttp.Reply reply = send(
                "POST",
                "/",
                Map.of(
                        "Host", "metering.marketplace.us-east-1.amazonaws.com",
                        "X-Amz-Target", "AWSMPMeteringService.ResolveCustomer",
                        "Content-Type", "application/x-amz-json-1.1"),
                "{\"RegistrationToken\": \"unknown\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("InvalidTokenException");
    }

    @Test
    void loopbackHostNamesAreRecognisedAndLookalikesAreNot() {
        assertThat(List.of("localhost", "LOCALHOST:4599", "127.0.0.1:4599", "127.8.9.10", "[::1]:4599", "[::1]"))
                .allMatch(LocalOriginGuard::isLoopbackHost);
        assertThat(List.of(
                        "",
                        "attacker.example",
                        "localhost.attacker.example",
                        "127.0.0.1.attacker.example",
                        "127.0.0.256",
                        "127.1",
                        "localhost:80x",
                        "[::1",
                        "[::2]:4599",
                        "0.0.0.0:4599"))
                .noneMatch(LocalOriginGuard::isLoopbackHost);
    }

    @Test
    void boundToAnotherAddressOnlyTheOriginRuleApplies() {
        LocalOriginGuard guard = new LocalOriginGuard(false);

        assertThat(guard.refusal(post("simhost.lan:4599", null))).isEmpty();
        assertThat(guard.refusal(post("simhost.lan:4599", "http://simhost.lan:4599")))
                .isEmpty();
        assertThat(guard.refusal(post("simhost.lan:4599", "https://attacker.example")))
                .get()
                .extracting(SimResponse::status)
                .isEqualTo(403);
    }

    private static SimRequest post(String host, String origin) {
        Map<String, List<String>> headers = new java.util.HashMap<>(Map.of("host", List.of(host)));
        if (origin != null) {
            headers.put("origin", List.of(origin));
        }
        return new SimRequest("POST", URI.create("/_sim/buyers"), headers, new byte[0], "192.168.1.9", Map.of());
    }

    private RawHttp.Reply send(String method, String path, Map<String, String> headers, String body) {
        return RawHttp.send(sim.endpoint(), method, path, headers, body);
    }
}
