package io.marketgate.simulator.entitlement;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.cbor.CBORGenerator;

/**
 * Writes a response tree (maps, lists, strings, numbers, booleans, instants) in JSON or CBOR. The tree
 * is shared; only timestamps differ: awsJson sends epoch seconds as a number with milliseconds, Smithy
 * RPC v2 CBOR sends tag 1 followed by epoch seconds as a double. Null values are left out, as AWS does.
 */
final class WireTree {

    private WireTree() {}

    static byte[] write(ObjectMapper mapper, Map<String, ?> tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            writeValue(generator, tree);
        }
        return out.toByteArray();
    }

    private static void writeValue(JsonGenerator generator, Object value) {
        switch (value) {
            case Map<?, ?> map -> writeMap(generator, map);
            case List<?> list -> {
                generator.writeStartArray();
                list.forEach(item -> writeValue(generator, item));
                generator.writeEndArray();
            }
            case String text -> generator.writeString(text);
            case Integer number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case Boolean flag -> generator.writeBoolean(flag);
            case Instant instant -> writeTimestamp(generator, instant);
            default ->
                throw new IllegalArgumentException(
                        "cannot write " + value.getClass().getName());
        }
    }

    private static void writeMap(JsonGenerator generator, Map<?, ?> map) {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() != null) {
                generator.writeName(entry.getKey().toString());
                writeValue(generator, entry.getValue());
            }
        }
        generator.writeEndObject();
    }

    private static void writeTimestamp(JsonGenerator generator, Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
        if (generator instanceof CBORGenerator cbor) {
            cbor.writeTag(1);
            cbor.writeNumber(seconds.doubleValue());
        } else {
            generator.writeNumber(seconds);
        }
    }
}
