package io.marketgate.server.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.web.BearerHttp;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked-in OpenAPI document is valid OpenAPI 3.1, names exactly the server's {@code /v1} operations
 * with the scope, parameters and body each one really has, has an example for every request body and success response,
 * and is what the server serves, without a key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    /** The checked-in source (the test runs in the module's folder), not the copy on the classpath. */
    private static final Path SOURCE = Path.of("src/main/resources", OpenApiDocumentController.RESOURCE);

    private static final Set<String> PUBLIC_PATHS = Set.of("/v1/openapi.yaml", "/v1/openapi.json");
    private static final String NO_SCOPE = "none";

    private static OpenAPI document;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @LocalServerPort
    int port;

    @BeforeAll
    static void parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(SOURCE), null, options);
        assertThat(result.getMessages()).as("OpenAPI validation messages").isEmpty();
        document = result.getOpenAPI();
        assertThat(document.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void theDocumentListsExactlyTheServersV1Operations() {
        Set<String> documented = new TreeSet<>(operations().keySet());
        Set<String> served = new TreeSet<>(v1Handlers().keySet());

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        Map<String, Set<String>> differences = new TreeMap<>();
        if (!undocumented.isEmpty()) {
            differences.put("served but not documented", undocumented);
        }
        if (!notServed.isEmpty()) {
            differences.put("documented but not served", notServed);
        }
        assertThat(differences)
                .as("operations of %s vs the server's /v1 handlers", SOURCE)
                .isEmpty();
    }

    @Test
    void everyOperationStatesTheScopeItsHandlerRequires() {
        Map<String, String> wrong = new TreeMap<>();
        v1Handlers().forEach((operation, handler) -> {
            Operation documented = operations().get(operation);
            if (documented == null) {
                return; // reported by the test above
            }
            String required = requiredScope(operation, handler);
            Object stated = documented.getExtensions() == null
                    ? null
                    : documented.getExtensions().get("x-required-scope");
            List<SecurityRequirement> security = documented.getSecurity();
            List<SecurityRequirement> expected = required.equals(NO_SCOPE)
                    ? List.of()
                    : List.of(new SecurityRequirement().addList("bearerAuth", required));
            if (!required.equals(stated) || !expected.equals(security)) {
                wrong.put(operation, "requires " + required + ", documented " + stated + " / " + security);
            }
        });
        assertThat(wrong).as("scopes of the document vs the handlers").isEmpty();
    }

    @Test
    void everyOperationDocumentsTheParametersAndBodyItsHandlerReads() {
        Map<String, String> wrong = new TreeMap<>();
        v1Handlers().forEach((name, handler) -> {
            Operation documented = operations().get(name);
            if (documented == null) {
                return; // reported by the operations test
            }
            String read = parametersReadBy(handler);
            String stated = parametersOf(name, documented);
            if (!read.equals(stated)) {
                wrong.put(name, "reads " + read + ", documented " + stated);
            }
        });
        assertThat(wrong).as("parameters of the document vs the handlers").isEmpty();
    }

    @Test
    void everyRequestBodyAndSuccessResponseHasAnExample() {
        List<String> missing = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.getRequestBody() != null) {
                missing.addAll(withoutExample(
                        name + " request", operation.getRequestBody().getContent()));
            }
            List<String> successes = operation.getResponses().keySet().stream()
                    .filter(status -> status.startsWith("2"))
                    .toList();
            if (successes.isEmpty()) {
                missing.add(name + " has no success response");
            }
            for (String status : successes) {
                Content content = operation.getResponses().get(status).getContent();
                if (content != null) {
                    missing.addAll(withoutExample(name + " " + status, content));
                }
            }
        });
        assertThat(missing).as("bodies without an example").isEmpty();
    }

    @Test
    void theServerServesTheCheckedInDocumentWithoutAKey() throws IOException {
        BearerHttp http = new BearerHttp(port);

        HttpResponse<String> yaml = http.get("/v1/openapi.yaml", null);

        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(yaml.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(SOURCE));
    }

    @Test
    void theJsonDocumentHasTheSameContentAsTheYaml() throws IOException {
        HttpResponse<String> json = new BearerHttp(port).get("/v1/openapi.json", null);

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        // an independent YAML reader (Jackson's, YAML 1.2 types) must see the same tree: dates stay strings
        String fromYaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(SOURCE.toFile())
                .toString();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode served = mapper.readTree(json.body());
        assertThat(served).isEqualTo(mapper.readTree(fromYaml));
        assertThat(served.at("/paths/~1v1~1metering~1reconciliation/get/parameters/0/example")
                        .asString())
                .isEqualTo("2026-03-01T00:00:00Z");
    }

    @Test
    void onlyTheDocumentItselfIsPublicUnderV1() {
        BearerHttp http = new BearerHttp(port);

        assertThat(http.get("/v1/openapi.yml", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/openapi.yaml/", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/openapi", null).statusCode()).isEqualTo(401);
    }

    /** "GET /v1/webhooks/{id}" → the documented operation. */
    private static Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        document.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                operations.put(entry.getKey() + " " + path, entry.getValue());
            }
        });
        return operations;
    }

    /** "GET /v1/webhooks/{id}" → its handler, for every mapping of the server under /v1. */
    private Map<String, HandlerMethod> v1Handlers() {
        Map<String, HandlerMethod> mapped = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/v1/") && !pattern.equals("/v1")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods)
                        .as("%s maps every HTTP method; give it one", entry.getValue())
                        .isNotEmpty();
                for (RequestMethod method : methods) {
                    // {id:\d+} in Spring is {id} in OpenAPI
                    mapped.put(
                            method.name() + " " + pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"), entry.getValue());
                }
            }
        }
        return mapped;
    }

    /** e.g. "path[id] query[before, limit] body": what the handler method binds from the request. */
    private static String parametersReadBy(HandlerMethod handler) {
        Set<String> path = new TreeSet<>();
        Set<String> query = new TreeSet<>();
        boolean body = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (variable != null) {
                path.add(named(variable.name(), variable.value(), parameter));
            } else if (param != null) {
                query.add(named(param.name(), param.value(), parameter));
            }
            body |= parameter.hasParameterAnnotation(RequestBody.class);
        }
        return "path" + path + " query" + query + (body ? " body" : "");
    }

    private static String named(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }

    private static String parametersOf(String name, Operation operation) {
        Set<String> path = new TreeSet<>();
        Set<String> query = new TreeSet<>();
        PathItem item = document.getPaths().get(name.substring(name.indexOf(' ') + 1));
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        for (Parameter declared : parameters) {
            String ref = declared.get$ref();
            Parameter parameter = ref == null
                    ? declared
                    : document.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
            switch (parameter.getIn()) {
                case "path" -> path.add(parameter.getName());
                case "query" -> query.add(parameter.getName());
                default -> {}
            }
        }
        return "path" + path + " query" + query + (operation.getRequestBody() != null ? " body" : "");
    }

    /** As {@code ScopeInterceptor} decides: the method's annotation, else its class's, else admin. */
    private static String requiredScope(String operation, HandlerMethod handler) {
        if (PUBLIC_PATHS.contains(operation.substring(operation.indexOf(' ') + 1))) {
            return NO_SCOPE;
        }
        RequiresScope annotation = handler.getMethodAnnotation(RequiresScope.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresScope.class);
        }
        return (annotation == null ? Scope.ADMIN : annotation.value()).value();
    }

    private static List<String> withoutExample(String where, Content content) {
        List<String> missing = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            missing.add(where + " has no content");
            return missing;
        }
        content.forEach((type, media) -> {
            boolean hasExample = media.getExample() != null
                    || (media.getExamples() != null && !media.getExamples().isEmpty());
            if (!hasExample) {
                missing.add(where + " " + type);
            }
        });
        return missing;
    }
}
