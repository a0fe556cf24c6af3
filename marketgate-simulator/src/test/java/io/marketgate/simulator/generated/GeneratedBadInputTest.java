package io.marketgate.simulator.generated;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.simulator.RawHttp;
import io.marketgate.simulator.Simulator;
import io.marketgate.simulator.generated.BadRequests.Field;
import io.marketgate.simulator.generated.BadRequests.Request;
import io.marketgate.simulator.generated.BadRequests.Target;
import io.marketgate.simulator.state.Dimension;
import io.marketgate.simulator.state.IdentityMode;
import io.marketgate.simulator.state.PricingModel;
import io.marketgate.simulator.state.Product;
import io.marketgate.simulator.state.SubscribeOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded, generated bad input against every control API endpoint that takes input and every buyer form:
 * each request is wrong by construction, and each must get a clear 4xx (an error message, never a 5xx,
 * never an exception's name or a stack trace). Requests go over a plain socket, so paths and bodies can be
 * anything a client could send.
 */
class GeneratedBadInputTest {

    private static final long SEED = 20261202L;
    private static final int CASES = 600;
    private static final String PRODUCT = "gen-contract";
    private static final String BUYER = "250000000009";
    /** An exception's or error class's name, a Java package, or a stack frame: internals callers must not see. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?!ValidationError\\b)[A-Z]\\w*(Exception|Error)\\b|\\b(java|javax|sun|jdk|tools|io\\.marketgate)\\.[a-z]"
                    + "|\\.java:\\d|\\tat ");

    private static Simulator sim;
    private static String agreementId;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().port(0).seed(SEED).build().start();
        sim.state()
                .putProduct(new Product(
                        PRODUCT,
                        "Generated",
                        "111122223333",
                        IdentityMode.LICENSE,
                        PricingModel.CONTRACT_WITH_CONSUMPTION,
                        List.of(new Dimension("seats", "Seats", false), new Dimension("users", "Users", true)),
                        "http://127.0.0.1/fulfil",
                        null,
                        null));
        agreementId = sim.state()
                .subscribe(PRODUCT, BUYER, new SubscribeOptions(null, null, null, List.of(), true))
                .agreement()
                .id();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyGeneratedBadRequestToTheControlApiAndTheBuyerFormsGetsAClear4xx() {
        List<Request> requests = new BadRequests(SEED).generate(targets(), CASES);
        List<String> failures = new ArrayList<>();
        for (Request request : requests) {
            RawHttp.Reply reply = send(request);
            problem(reply).ifPresent(p -> failures.add(request.description() + " -> " + reply.status() + ": " + p));
        }

        assertThat(requests).hasSizeGreaterThanOrEqualTo(500);
        assertThat(failures)
                .as("%d of %d requests", failures.size(), requests.size())
                .isEmpty();
        assertThat(sim.state().agreements()).as("nothing was created").hasSize(1);
        assertThat(sim.state().products()).hasSize(1);
    }

    @Test
    void theSameSeedGeneratesTheSameRequests() {
        List<String> first = new BadRequests(SEED)
                .generate(targets(), 50).stream()
                        .map(r -> r.description() + new String(r.body(), StandardCharsets.UTF_8))
                        .toList();
        List<String> again = new BadRequests(SEED)
                .generate(targets(), 50).stream()
                        .map(r -> r.description() + new String(r.body(), StandardCharsets.UTF_8))
                        .toList();

        assertThat(again).isEqualTo(first);
    }

    private static java.util.Optional<String> problem(RawHttp.Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return java.util.Optional.of("not a 4xx; body " + abbreviate(reply.body()));
        }
        if (INTERNALS.matcher(reply.body()).find()
                || INTERNALS.matcher(reply.head()).find()) {
            return java.util.Optional.of("names internals: " + abbreviate(reply.body()));
        }
        boolean explains = reply.body().contains("\"error\":\"")
                || reply.body().contains("\"message\":\"")
                || reply.body().contains("<h1>")
                || reply.body().contains("<h2>");
        return explains ? java.util.Optional.empty() : java.util.Optional.of("no message: " + abbreviate(reply.body()));
    }

    private static RawHttp.Reply send(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + sim.endpoint().getPort());
        if (!request.contentType().isEmpty()) {
            headers.put("Content-Type", request.contentType());
        }
        return RawHttp.send(
                sim.endpoint(),
                request.method(),
                request.path(),
                headers,
                new String(request.body(), StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static List<Target> targets() {
        return List.of(
                json("POST", "/_sim/products", null, GeneratedFields.product()),
                json("POST", "/_sim/buyers", null, GeneratedFields.buyer()),
                json("POST", "/_sim/buyers/{id}/suspend", BUYER, List.of()),
                json("GET", "/_sim/buyers/{id}", BUYER, List.of()),
                json("GET", "/_sim/products/{id}", PRODUCT, List.of()),
                json("POST", "/_sim/agreements", null, GeneratedFields.agreement(PRODUCT)),
                json("GET", "/_sim/agreements/{id}", agreementId, List.of()),
                json("POST", "/_sim/agreements/{id}/succeed", agreementId, List.of()),
                json("POST", "/_sim/agreements/{id}/cancel", agreementId, List.of()),
                json("POST", "/_sim/agreements/{id}/token", agreementId, List.of()),
                json("PUT", "/_sim/agreements/{id}/entitlements", agreementId, GeneratedFields.entitlementChange()),
                json("POST", "/_sim/clock", null, GeneratedFields.clock()),
                json("POST", "/_sim/demo", null, GeneratedFields.demo()),
                json("POST", "/_sim/roles", null, GeneratedFields.role()),
                json("PUT", "/_sim/faults/BatchMeterUsage", null, GeneratedFields.faults()),
                json("PUT", "/_sim/notifications", null, GeneratedFields.notifications()),
                json("PUT", "/_sim/entitlements", null, GeneratedFields.entitlementPaging()),
                json("GET", "/_sim/ledger?from={id}", "2026-03-15T10:00:00Z", List.of()),
                new Target("POST", "/buyer/subscribe", null, true, GeneratedFields.subscribeForm(PRODUCT)),
                new Target("POST", "/buyer/agreements/{id}/setup", agreementId, true, List.of()),
                new Target("POST", "/buyer/agreements/{id}/cancel", agreementId, true, List.of()),
                new Target("GET", "/buyer/accounts/{id}", BUYER, true, List.of()));
    }

    private static Target json(String method, String path, String validId, List<Field> fields) {
        return new Target(method, path, validId, false, fields);
    }
}
