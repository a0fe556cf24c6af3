package io.marketgate.server.metering.jdbc;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code metering_record} table while records are open buckets and when they freeze. Usage is added
 * only while a record is open, by one conditional upsert, so a frozen record can never change.
 */
@Repository
public class JdbcMeteringRecords {

    // The WHERE makes the update a no-op once the record is frozen or if the hour would overflow AWS's limit.
    private static final String ADD_USAGE = """
            INSERT INTO metering_record (product_id, identity_mode, customer_key, dimension, hour, customer_id,
                                         customer_identifier, customer_aws_account_id, license_arn, quantity,
                                         rolled_in, state)
            VALUES (:productId, :identityMode, :customerKey, :dimension, :hour, :customerId,
                    :customerIdentifier, :customerAwsAccountId, :licenseArn, :quantity, :rolledIn, 'open')
            ON CONFLICT (product_id, customer_key, dimension, hour) DO UPDATE SET
                quantity = metering_record.quantity + excluded.quantity,
                rolled_in = metering_record.rolled_in + excluded.rolled_in,
                version = metering_record.version + 1
            WHERE metering_record.state = 'open'
              AND metering_record.quantity + excluded.quantity <= 2147483647
            RETURNING id
            """;

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcMeteringRecords(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    /** AWS's dedupe key plus the identity fields the record is sent with. */
    public record RecordKey(
            String productId,
            String identityMode,
            String customerKey,
            String dimension,
            Instant hour,
            String customerId,
            String customerIdentifier,
            String customerAwsAccountId,
            String licenseArn) {

        public RecordKey atHour(Instant other) {
            return new RecordKey(
                    productId,
                    identityMode,
                    customerKey,
                    dimension,
                    other,
                    customerId,
                    customerIdentifier,
                    customerAwsAccountId,
                    licenseArn);
        }
    }

    /** An open record as the freezer reads it. */
    public record OpenRecord(long id, long version, long quantity, Instant hour, String dimension) {}

    /** Adds usage to the open record of {@code key} (creating it); empty if the record is frozen or would overflow. */
    public Optional<Long> addUsage(RecordKey key, long quantity, long rolledIn) {
        return jdbc.sql(ADD_USAGE)
                .param("productId", key.productId())
                .param("identityMode", key.identityMode())
                .param("customerKey", key.customerKey())
                .param("dimension", key.dimension())
                .param("hour", timestamps.bind(key.hour()))
                .param("customerId", key.customerId())
                .param("customerIdentifier", key.customerIdentifier())
                .param("customerAwsAccountId", key.customerAwsAccountId())
                .param("licenseArn", key.licenseArn())
                .param("quantity", quantity)
                .param("rolledIn", rolledIn)
                .query(Long.class)
                .optional();
    }

    /** The state of the record of {@code key}, if it exists. */
    public Optional<String> state(RecordKey key) {
        return jdbc.sql("SELECT state FROM metering_record WHERE product_id = :productId AND customer_key = :key"
                        + " AND dimension = :dimension AND hour = :hour")
                .param("productId", key.productId())
                .param("key", key.customerKey())
                .param("dimension", key.dimension())
                .param("hour", timestamps.bind(key.hour()))
                .query(String.class)
                .optional();
    }

    public void addAllocation(long recordId, String tagSet, long quantity) {
        jdbc.sql("""
                        INSERT INTO metering_allocation (record_id, tag_set, quantity) VALUES (:id, :tagSet, :quantity)
                        ON CONFLICT (record_id, tag_set) DO UPDATE SET
                            quantity = metering_allocation.quantity + excluded.quantity
                        """)
                .param("id", recordId)
                .param("tagSet", tagSet)
                .param("quantity", quantity)
                .update();
    }

    /** How many tag sets the record has. */
    public int tagSetCount(long recordId) {
        return jdbc.sql("SELECT count(*) FROM metering_allocation WHERE record_id = :id")
                .param("id", recordId)
                .query(Integer.class)
                .single();
    }

    /** Open records whose hour starts before {@code hourBefore}, oldest first. */
    public List<OpenRecord> openBefore(Instant hourBefore, int limit) {
        return jdbc.sql("SELECT id, version, quantity, hour, dimension FROM metering_record WHERE state = 'open'"
                        + " AND hour < :before ORDER BY hour, id LIMIT :limit")
                .param("before", timestamps.bind(hourBefore))
                .param("limit", limit)
                .query(this::openRecord)
                .list();
    }

    /** A customer's open records (for a final flush). */
    public List<OpenRecord> openOf(String customerId) {
        return jdbc.sql(
                        "SELECT id, version, quantity, hour, dimension FROM metering_record WHERE customer_id = :customerId"
                                + " AND state = 'open' ORDER BY hour, id")
                .param("customerId", customerId)
                .query(this::openRecord)
                .list();
    }

    /** Tagged usage of a record by canonical tag set. */
    public SortedMap<String, Long> allocations(long recordId) {
        SortedMap<String, Long> byTagSet = new TreeMap<>();
        jdbc.sql("SELECT tag_set, quantity FROM metering_allocation WHERE record_id = :id")
                .param("id", recordId)
                .query(row -> {
                    byTagSet.put(row.getString(1), row.getLong(2));
                });
        return byTagSet;
    }

    /**
     * Freezes the record if it is still open at {@code version} (no usage was added since it was read).
     * From here on quantity, hour and allocations never change.
     */
    public boolean freeze(OpenRecord record, String allocations, int payloadBytes, Instant deadline, Instant now) {
        return jdbc.sql("""
                        UPDATE metering_record SET state = 'frozen', allocations = :allocations,
                            payload_bytes = :bytes, deadline = :deadline, frozen_at = :now, next_attempt_at = :now
                        WHERE id = :id AND state = 'open' AND version = :version
                        """)
                        .param("allocations", allocations)
                        .param("bytes", payloadBytes)
                        .param("deadline", timestamps.bind(deadline))
                        .param("now", timestamps.bind(now))
                        .param("id", record.id())
                        .param("version", record.version())
                        .update()
                == 1;
    }

    /** A frozen zero record for an hour without usage, unless the hour already has a record. */
    public boolean insertZero(RecordKey key, int payloadBytes, Instant deadline, Instant now) {
        return jdbc.sql("""
                        INSERT INTO metering_record (product_id, identity_mode, customer_key, dimension, hour,
                            customer_id, customer_identifier, customer_aws_account_id, license_arn, quantity, state,
                            zero, payload_bytes, deadline, frozen_at, next_attempt_at)
                        VALUES (:productId, :identityMode, :customerKey, :dimension, :hour, :customerId,
                            :customerIdentifier, :customerAwsAccountId, :licenseArn, 0, 'frozen', 1, :bytes,
                            :deadline, :now, :now)
                        ON CONFLICT (product_id, customer_key, dimension, hour) DO NOTHING
                        """)
                        .param("productId", key.productId())
                        .param("identityMode", key.identityMode())
                        .param("customerKey", key.customerKey())
                        .param("dimension", key.dimension())
                        .param("hour", timestamps.bind(key.hour()))
                        .param("customerId", key.customerId())
                        .param("customerIdentifier", key.customerIdentifier())
                        .param("customerAwsAccountId", key.customerAwsAccountId())
                        .param("licenseArn", key.licenseArn())
                        .param("bytes", payloadBytes)
                        .param("deadline", timestamps.bind(deadline))
                        .param("now", timestamps.bind(now))
                        .update()
                == 1;
    }

    private OpenRecord openRecord(ResultSet row, int n) throws SQLException {
        return new OpenRecord(
                row.getLong("id"),
                row.getLong("version"),
                row.getLong("quantity"),
                timestamps.read(row, "hour"),
                row.getString("dimension"));
    }
}
