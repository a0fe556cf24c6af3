package io.marketgate.server.webhook;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: every domain event is a row written in the caller's transaction, so an event exists if and
 * only if the change it describes was committed. Delivery reads the rows after commit.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final Clock clock;
    private final JsonMapper json;
    private final JdbcWebhookStore webhooks;
    private final ApplicationEventPublisher events;

    Outbox(
            JdbcClient jdbc,
            TimestampColumns timestamps,
            Clock clock,
            JsonMapper json,
            JdbcWebhookStore webhooks,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.clock = clock;
        this.json = json;
        this.webhooks = webhooks;
        this.events = events;
    }

    /**
     * Appends an event; must run inside the transaction of the change it describes.
     *
     * @param data the event's payload, serialised as a JSON object
     * @return the event id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String append(String type, String customerId, Map<String, ?> data) {
        String id = appendUndelivered(type, customerId, data);
        webhooks.fanOut(id, type, clock.instant());
        wakeDelivery();
        return id;
    }

    /** The event row alone, for events addressed to one endpoint (test events). */
    String appendUndelivered(String type, String customerId, Map<String, ?> data) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("INSERT INTO outbox_event (id, type, customer_id, payload, occurred_at)"
                        + " VALUES (:id, :type, :customerId, :payload, :occurredAt)")
                .param("id", id)
                .param("type", type)
                .param("customerId", customerId)
                .param("payload", json.writeValueAsString(data))
                .param("occurredAt", timestamps.bind(clock.instant()))
                .update();
        return id;
    }

    /** Asks the dispatcher to look for due deliveries once the current transaction commits. */
    void wakeDelivery() {
        events.publishEvent(new DeliveriesDue());
    }

    /** Published inside a transaction that made deliveries due; the dispatcher acts after commit. */
    record DeliveriesDue() {}

    /** Events after {@code afterSequence} in order, at most {@code limit}; a customer's only if one is given. */
    public List<OutboxEvent> list(long afterSequence, String customerId, int limit) {
        String where = customerId == null ? "" : " AND customer_id = :customerId";
        var query = jdbc.sql("SELECT sequence, id, type, customer_id, payload, occurred_at FROM outbox_event"
                        + " WHERE sequence > :after" + where + " ORDER BY sequence LIMIT :limit")
                .param("after", afterSequence)
                .param("limit", limit);
        if (customerId != null) {
            query = query.param("customerId", customerId);
        }
        return query.query((row, n) -> new OutboxEvent(
                        row.getLong("sequence"),
                        row.getString("id"),
                        row.getString("type"),
                        row.getString("customer_id"),
                        row.getString("payload"),
                        timestamps.read(row, "occurred_at")))
                .list();
    }
}
