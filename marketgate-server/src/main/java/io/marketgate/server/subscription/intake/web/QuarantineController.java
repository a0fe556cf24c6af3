package io.marketgate.server.subscription.intake.web;

import io.marketgate.server.security.RequiresScope;
import io.marketgate.server.security.Scope;
import io.marketgate.server.shared.InvalidInputException;
import io.marketgate.server.subscription.intake.QuarantinedNotification;
import io.marketgate.server.subscription.intake.jdbc.JdbcQuarantine;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/notifications/quarantine}: the notifications that could not be parsed or verified, newest
 * first, with their raw bodies. Paged with {@code before} (the {@code nextBefore} of the previous page).
 */
@RestController
class QuarantineController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final JdbcQuarantine quarantine;

    QuarantineController(JdbcQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** One page; {@code nextBefore} is null on the last page. */
    record Page(List<Item> items, Long nextBefore) {}

    record Item(
            long id,
            String messageKey,
            String productId,
            String reason,
            String queueUrl,
            Instant receivedAt,
            String body) {

        static Item of(QuarantinedNotification row) {
            return new Item(
                    row.id(),
                    row.messageKey(),
                    row.productId(),
                    row.reason(),
                    row.queueUrl(),
                    row.receivedAt(),
                    row.body());
        }
    }

    @RequiresScope(Scope.CUSTOMERS_READ)
    @GetMapping(path = "/v1/notifications/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
    Page list(
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "before", required = false) String before) {
        int size = parse(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Long beforeId = before == null ? null : (long) parse(before, "before", 0, 1, Integer.MAX_VALUE);
        // One more than asked says whether another page exists without a count query.
        List<QuarantinedNotification> rows = quarantine.newestFirst(beforeId, size + 1);
        boolean more = rows.size() > size;
        List<Item> items = rows.stream().limit(size).map(Item::of).toList();
        return new Page(items, more ? items.getLast().id() : null);
    }

    private static int parse(String value, String field, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(field, "must be a whole number from " + min + " to " + max);
    }
}
