package io.marketgate.simulator.entitlement;

import static io.marketgate.simulator.entitlement.EntitlementApiError.invalidParameter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident NextTokens. A token carries the position of the next page, a fingerprint of the
 * query (product and filters) and the version of the rows it pages over, and is MACed with a key derived
 * from the simulator's seed. A token that was edited, truncated or issued for another query is rejected
 * with InvalidParameterException, and so is one whose rows have changed since: its offset would skip or
 * repeat entitlements.
 */
final class PageTokens {

    /** Where the next page starts: the offset into the matching rows and the 1-based page number. */
    record Position(int offset, int page) {
        static final Position FIRST = new Position(0, 1);
    }

    private static final int MAC_BYTES = 12;
    /** offset, page, query fingerprint, rows version. */
    private static final int PAYLOAD_BYTES = 4 + 4 + 8 + 8;

    private final SecretKeySpec key;

    PageTokens(long seed) {
        byte[] keyBytes = ByteBuffer.allocate(Long.BYTES + 16)
                .putLong(seed)
                .put("entitlement-page".getBytes(StandardCharsets.US_ASCII))
                .array();
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    /** @param rowsVersion {@link #version} of the rows the position counts into */
    String issue(GetEntitlementsRequest request, Position next, long rowsVersion) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putInt(next.offset())
                .putInt(next.page())
                .putLong(fingerprint(request))
                .putLong(rowsVersion)
                .array();
        byte[] mac = mac(payload);
        byte[] token = ByteBuffer.allocate(payload.length + MAC_BYTES)
                .put(payload)
                .put(mac, 0, MAC_BYTES)
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /**
     * The position a request's NextToken points at; the first page when it has none.
     *
     * @param rowsVersion {@link #version} of the rows matching the request now
     */
    Position read(GetEntitlementsRequest request, long rowsVersion) {
        if (request.nextToken() == null) {
            return Position.FIRST;
        }
        Issued issued = decode(request)
                .orElseThrow(() -> invalidParameter(
                        "NextToken is not valid: it was altered or issued for a different ProductCode or Filter"));
        if (issued.rowsVersion() != rowsVersion) {
            throw invalidParameter(
                    "NextToken is no longer valid: the entitlements changed since this NextToken was issued;"
                            + " start again without NextToken");
        }
        return issued.position();
    }

    private record Issued(Position position, long rowsVersion) {}

    private Optional<Issued> decode(GetEntitlementsRequest request) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(request.nextToken());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (token.length != PAYLOAD_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(token);
        byte[] payload = new byte[PAYLOAD_BYTES];
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(payload).get(mac);
        byte[] expected = java.util.Arrays.copyOf(mac(payload), MAC_BYTES);
        ByteBuffer fields = ByteBuffer.wrap(payload);
        Position position = new Position(fields.getInt(), fields.getInt());
        boolean sameQuery = fields.getLong() == fingerprint(request);
        long rowsVersion = fields.getLong();
        if (!MessageDigest.isEqual(expected, mac) || !sameQuery || position.offset() < 0 || position.page() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Issued(position, rowsVersion));
    }

    /**
     * A version of the rows a query pages over: a hash of every field of every row, in order. Any change
     * that moves, adds, removes or alters a matching row changes it; changes to rows the query does not
     * match leave it (and the caller's paging) alone.
     */
    static long version(List<EntitlementRow> rows) {
        MessageDigest digest = sha256();
        for (EntitlementRow row : rows) {
            Object value = row.value();
            for (Object field : java.util.Arrays.asList(
                    row.productCode(),
                    row.dimension(),
                    row.customerIdentifier(),
                    row.customerAwsAccountId(),
                    row.licenseArn(),
                    value == null ? null : value.getClass().getSimpleName() + ":" + value,
                    row.expirationDate())) {
                byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
                digest.update(
                        ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    /** Product and filters, not MaxResults: clients may change the page size between pages. */
    private static long fingerprint(GetEntitlementsRequest request) {
        String canonical = request.productCode() + "|"
                + new TreeMap<>(request.filters().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        e -> e.getKey().name(), e -> new java.util.TreeSet<>(e.getValue()).toString())))
                        .toString();
        byte[] digest = sha256().digest(canonical.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
