package io.marketgate.server.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the seller API's OpenAPI document without an API key (the security module makes these two paths
 * its only public exception under {@code /v1}): the checked-in YAML byte for byte, and the same document
 * as JSON. The document is hand-written; a test keeps it equal to the server's {@code /v1} endpoints.
 */
@RestController
class OpenApiDocumentController {

    /** The checked-in document, on the classpath. */
    static final String RESOURCE = "openapi/marketgate-v1.yaml";

    static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] yaml;
    private final byte[] json;

    OpenApiDocumentController(JsonMapper mapper) {
        try {
            this.yaml = new ClassPathResource(RESOURCE).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document " + RESOURCE + " is missing from the build", e);
        }
        Object document = jsonCompatibleYaml().load(new String(yaml, StandardCharsets.UTF_8));
        this.json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    @GetMapping("/v1/openapi.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(APPLICATION_YAML).body(yaml);
    }

    @GetMapping("/v1/openapi.json")
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    /**
     * YAML read with JSON's types only: SnakeYAML follows YAML 1.1, which would turn an unquoted
     * {@code 2026-03-01T10:15:00Z} into a date and {@code yes}/{@code no}/{@code on}/{@code off} into
     * booleans; here they stay strings, as a YAML 1.2 reader of the document sees them.
     */
    static Yaml jsonCompatibleYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new JsonTypes());
    }

    private static final class JsonTypes extends Resolver {

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            if (Tag.TIMESTAMP.equals(tag)
                    || (Tag.BOOL.equals(tag) && !value.equals("true") && !value.equals("false"))) {
                return Tag.STR;
            }
            return tag;
        }
    }
}
