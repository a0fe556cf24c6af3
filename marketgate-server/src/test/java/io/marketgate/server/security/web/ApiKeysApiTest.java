package io.marketgate.server.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.IssuedKey;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.jdbc.DatabaseProperties;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seller API's keys over HTTP: 401, 403, create, list, revoke, and no key in the logs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    DatabaseProperties database;

    private BearerHttp http;
    private String admin;

    @BeforeEach
    void setUp() {
        http = new BearerHttp(port);
        admin = apiKeys.issue("test admin", Set.of(Scope.ADMIN)).key();
    }

    @Test
    void withoutAKeyTheApiAnswers401ProblemWithABearerChallenge() {
        HttpResponse<String> response = http.get("/v1/api-keys", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"marketgate\"");
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
        assertThat(json(response).get("detail").asString()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongKeyOrAnotherSchemeAnswers401InvalidToken() {
        for (String header : new String[] {"mg_abcdefghij234567_" + "A".repeat(43), "garbage", admin + "x"}) {
            HttpResponse<String> response = http.get("/v1/api-keys", header);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
        }
    }

    @Test
    void aKeyWithoutTheScopeAnswers403NamingTheScope() {
        String usageOnly = apiKeys.issue("usage", Set.of(Scope.USAGE_WRITE)).key();

        HttpResponse<String> response = http.get("/v1/api-keys", usageOnly);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).contains("admin");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("insufficient_scope"));
    }

    @Test
    void anUnknownPathUnderV1NeedsAKeyToo() {
        assertThat(http.get("/v1/nothing-here", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/nothing-here", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void aCreatedKeyIsShownOnceWorksAndIsNeverListed() {
        HttpResponse<String> created =
                http.send("POST", "/v1/api-keys", admin, "{\"name\": \"reader\", \"scopes\": [\"customers:read\"]}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.get("id").asString();
        String key = body.get("key").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/api-keys/" + id);
        assertThat(body.get("scopes").get(0).asString()).isEqualTo("customers:read");
        assertThat(body.get("createdAt").asString()).isNotBlank();

        HttpResponse<String> listed = http.get("/v1/api-keys", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(key).doesNotContain("\"key\"");
        // the new key authenticates (403: customers:read cannot manage keys)
        assertThat(http.get("/v1/api-keys", key).statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        IssuedKey victim = apiKeys.issue("victim", Set.of(Scope.ADMIN));
        assertThat(http.get("/v1/api-keys", victim.key()).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = http.send("DELETE", "/v1/api-keys/" + victim.id(), admin, null);

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(http.get("/v1/api-keys", victim.key()).statusCode()).isEqualTo(401);
        assertThat(http.send("DELETE", "/v1/api-keys/key_unknownunknown2", admin, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void badCreateRequestsAre400NamingTheField() {
        HttpResponse<String> unknownScope =
                http.send("POST", "/v1/api-keys", admin, "{\"name\": \"x\", \"scopes\": [\"admin\", \"root\"]}");
        HttpResponse<String> noName = http.send("POST", "/v1/api-keys", admin, "{\"scopes\": [\"admin\"]}");
        HttpResponse<String> noScopes = http.send("POST", "/v1/api-keys", admin, "{\"name\": \"x\"}");

        assertThat(unknownScope.statusCode()).isEqualTo(400);
        assertThat(unknownScope.body()).contains("scopes[1]").contains("customers:read");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("\"name\"");
        assertThat(noScopes.statusCode()).isEqualTo(400);
        assertThat(noScopes.body()).contains("\"scopes\"");
    }

    @Test
    void keysNeverReachTheLogs(CapturedOutput output) {
        HttpResponse<String> created =
                http.send("POST", "/v1/api-keys", admin, "{\"name\": \"logged?\", \"scopes\": [\"usage:write\"]}");
        String key = json(created).get("key").asString();
        http.get("/v1/api-keys", key);
        http.get("/v1/api-keys", key + "tampered");
        http.get("/actuator/prometheus", key);

        assertThat(output.getAll())
                .doesNotContain(key)
                .doesNotContain(secretOf(key))
                .doesNotContain(admin)
                .doesNotContain(secretOf(admin));
    }

    @Test
    void theDemoHasAnAdminKeyInAnOwnerOnlyFileNextToTheDatabase() throws Exception {
        java.nio.file.Path file = database.sqliteFile().resolveSibling("demo-api-key");

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(http.get("/v1/api-keys", java.nio.file.Files.readString(file).strip())
                        .statusCode())
                .isEqualTo(200);
    }

    private static String secretOf(String key) {
        return key.substring(20);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
