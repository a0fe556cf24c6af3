package io.marketgate.simulator.http;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Describes a body that does not parse, by position only: the parser's own messages name its classes and
 * settings, which tell a caller nothing and must not leave the simulator.
 */
public final class JsonSyntax {

    private JsonSyntax() {}

    /** E.g. {@code "request body is not valid JSON at line 1, column 9"}. */
    public static String problem(String what, JacksonException e) {
        return what + where(e);
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null) {
            return "";
        }
        if (location.getLineNr() > 0) {
            return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return location.getByteOffset() >= 0 ? " at byte " + location.getByteOffset() : "";
    }
}
