package io.marketgate.server.fulfillment.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Finds a registration token field in a query string however it is spelt: percent-encoded (also twice,
 * e.g. {@code x%252Damzn-…}), with {@code +} or case variants. A token in a URL lands in access logs,
 * proxies and browser history, so such a request is refused before anything reads the token.
 */
final class QueryStringToken {

    static final String FIELD = "x-amzn-marketplace-token";
    private static final int MAX_DECODING_ROUNDS = 5;

    private QueryStringToken() {}

    static boolean present(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        return normalise(query).contains(FIELD);
    }

    /** Decodes until nothing changes (bounded), lower case, without separators a variant could hide behind. */
    private static String normalise(String query) {
        String current = query;
        for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
            String decoded = decode(current);
            if (decoded.equals(current)) {
                break;
            }
            current = decoded;
        }
        return current.toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A malformed escape ("%zz") cannot be decoded as a whole: decode the well-formed escapes only.
            StringBuilder out = new StringBuilder();
            for (String piece : value.split("(?=%)")) {
                try {
                    out.append(URLDecoder.decode(piece, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    out.append(piece);
                }
            }
            return out.toString();
        }
    }
}
