package io.marketgate.server.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.HttpTestClient;
import io.marketgate.server.shared.MarketgateException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an API client sees when things go wrong: always RFC 9457 problem details, over a real port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProblemDetailsTest.ProblemTestController.class)
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    private HttpTestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        HttpResponse<String> response = http.get("/nothing-here", "application/json");

        JsonNode problem = problem(response, 404);
        assertThat(problem.get("detail").asString()).isEqualTo("No endpoint GET /nothing-here.");
        assertThat(problem.get("instance").asString()).isEqualTo("/nothing-here");
    }

    @Test
    void browsersGetProblemJsonToo() {
        HttpResponse<String> response = http.get("/nothing-here", "text/html");

        problem(response, 404);
        assertThat(response.body()).doesNotContain("<html");
    }

    @Test
    void malformedJsonSaysTheBodyIsNotJsonAndWhere() {
        HttpResponse<String> response = http.send("POST", "/test/greetings", "application/json", "{\"name\": \"x\",,}");

        assertThat(problem(response, 400).get("detail").asString())
                .isEqualTo("The request body is not valid JSON (line 1, column 14).");
    }

    @Test
    void wrongTypeNamesTheField() {
        HttpResponse<String> response =
                http.send("POST", "/test/greetings", "application/json", "{\"name\": \"x\", \"quantity\": \"many\"}");

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("quantity");
    }

    @Test
    void validationErrorNamesEachField() {
        HttpResponse<String> response =
                http.send("POST", "/test/greetings", "application/json", "{\"name\": \" \", \"quantity\": 0}");

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("detail").asString()).startsWith("Invalid fields: ");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("name", "quantity");
    }

    @Test
    void invalidRequestParameterNamesIt() {
        HttpResponse<String> response = http.get("/test/pages?size=0", "application/json");

        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        problem(http.send("DELETE", "/test/greetings", "application/json", ""), 405);
    }

    @Test
    void unsupportedMediaTypeIsRefused() {
        problem(http.send("POST", "/test/greetings", "text/plain", "hello"), 415);
    }

    @Test
    void domainNotFoundBecomes404WithItsMessage() {
        assertThat(problem(http.get("/test/customers/42", "application/json"), 404)
                        .get("detail")
                        .asString())
                .isEqualTo("No customer 42.");
    }

    @Test
    void errorsRaisedOutsideHandlersAreProblemsToo() {
        HttpResponse<String> response = http.get("/test/forbidden", "text/html");

        assertThat(problem(response, 403).get("detail").asString()).isEqualTo("Forbidden: /test/forbidden.");
    }

    @Test
    void aDirectRequestToTheErrorPathIsNotFoundAndLogsNoError(CapturedOutput output) {
        HttpResponse<String> response = http.get("/error", "application/json");

        assertThat(problem(response, 404).get("detail").asString()).isEqualTo("No endpoint GET /error.");
        assertThat(problem(http.send("POST", "/error", "application/json", "{}"), 404)
                        .get("detail")
                        .asString())
                .isEqualTo("No endpoint POST /error.");
        assertThat(output.getAll())
                .doesNotContain("Internal error")
                .doesNotContain("while serving GET /error")
                .doesNotContain("while serving POST /error");
    }

    @Test
    void unexpectedFailureIs500WithACorrelationIdAndNoInternals() {
        HttpResponse<String> response = http.get("/test/boom", "application/json");

        JsonNode problem = problem(response, 500);
        String correlationId = problem.get("correlationId").asString();
        assertThat(problem.get("detail").asString()).contains(correlationId);
        assertThat(response.body())
                .doesNotContain("secret")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.marketgate");
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
        assertThat(response.body()).doesNotContain("trace");
        return problem;
    }

    record Greeting(@NotBlank String name, @Positive int quantity) {}

    /** Test-only endpoints that fail in each way. */
    @RestController
    static class ProblemTestController {

        @PostMapping("/test/greetings")
        Greeting greet(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/test/pages")
        String page(@RequestParam @Min(1) int size) {
            return "ok";
        }

        @GetMapping("/test/customers/{id}")
        String customer(@PathVariable String id) {
            throw MarketgateException.notFound("No customer " + id + ".");
        }

        @GetMapping("/test/forbidden")
        void forbidden(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.sendError(403); // as a servlet filter would, bypassing Spring MVC's exception handling
        }

        @GetMapping("/test/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }
    }
}
