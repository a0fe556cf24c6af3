package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.entitlement.EntitlementApiError.invalidParameter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident NextTokens. A token carries the position of the next page and a fingerprint of
 * the query (product and filters), and is MACed with a key derived from the simulator's seed, so a token
 * that was edited, truncated or issued for another query is rejected with InvalidParameterException.
 */
final class PageTokens {

    /** Where the next page starts: the offset into the matching rows and the 1-based page number. */
    record Position(int offset, int page) {
        static final Position FIRST = new Position(0, 1);
    }

    private static final int MAC_BYTES = 12;
    private final SecretKeySpec key;

    PageTokens(long seed) {
        byte[] keyBytes = ByteBuffer.allocate(Long.BYTES + 16)
                .putLong(seed)
                .put("entitlement-page".getBytes(StandardCharsets.US_ASCII))
                .array();
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    String issue(GetEntitlementsRequest request, Position next) {
        byte[] payload = ByteBuffer.allocate(8 + 8)
                .putInt(next.offset())
                .putInt(next.page())
                .putLong(fingerprint(request))
                .array();
        byte[] mac = mac(payload);
        byte[] token = ByteBuffer.allocate(payload.length + MAC_BYTES)
                .put(payload)
                .put(mac, 0, MAC_BYTES)
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The position a request's NextToken points at; the first page when it has none. */
    Position read(GetEntitlementsRequest request) {
        if (request.nextToken() == null) {
            return Position.FIRST;
        }
        return decode(request)
                .orElseThrow(() -> invalidParameter(
                        "NextToken is not valid: it was altered or issued for a different ProductCode or Filter"));
    }

    private Optional<Position> decode(GetEntitlementsRequest request) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(request.nextToken());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (token.length != 16 + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(token);
        byte[] payload = new byte[16];
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(payload).get(mac);
        byte[] expected = java.util.Arrays.copyOf(mac(payload), MAC_BYTES);
        ByteBuffer fields = ByteBuffer.wrap(payload);
        Position position = new Position(fields.getInt(), fields.getInt());
        boolean sameQuery = fields.getLong() == fingerprint(request);
        if (!MessageDigest.isEqual(expected, mac) || !sameQuery || position.offset() < 0 || position.page() < 2) {
            return Optional.empty();
        }
        return Optional.of(position);
    }

    /** Product and filters, not MaxResults: clients may change the page size between pages. */
    private static long fingerprint(GetEntitlementsRequest request) {
        String canonical = request.productCode() + "|"
                + new TreeMap<>(request.filters().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        e -> e.getKey().name(), e -> new java.util.TreeSet<>(e.getValue()).toString())))
                        .toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
