package io.marketgate.webhooks.assertion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads the one JSON shape an assertion payload needs: a flat object whose values are strings,
 * non-negative integers or null. Anything else is refused, so the reader stays small enough to read at a glance.
 */
final class FlatJson {

    private FlatJson() {}

    /** Writes the entries in order, leaving out null values. */
    static String write(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder("{");
        for (var entry : fields.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            writeString(out, entry.getKey());
            out.append(':');
            if (entry.getValue() instanceof Long number) {
                out.append(number);
            } else {
                writeString(out, (String) entry.getValue());
            }
        }
        return out.append('}').toString();
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads a flat object.
     *
     * @throws IllegalArgumentException for anything but a flat object of strings, integers and nulls, or a repeated
     *     key
     */
    static Map<String, Object> read(String json) {
        return new Reader(json).object();
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                pos++;
            } else {
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    if (fields.containsKey(key)) {
                        throw new IllegalArgumentException("repeated key " + key);
                    }
                    fields.put(key, value());
                    skipSpace();
                } while (consume(','));
                expect('}');
            }
            skipSpace();
            if (pos != text.length()) {
                throw new IllegalArgumentException("trailing characters after the object");
            }
            return fields;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos || pos - start > 18) {
                throw new IllegalArgumentException("expected a string, an integer or null at " + start);
            }
            return Long.parseLong(text, start, pos, 10);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string at " + (pos - 1));
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw new IllegalArgumentException("truncated \\u escape");
                        }
                        out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                        pos += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape at " + (pos - 1));
                }
            }
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private boolean consume(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + pos);
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return text.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }
    }
}
