package io.marketgate.server.metering.jdbc;

import io.marketgate.server.shared.jdbc.DatabaseVendor;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code metering_record} table while records are open buckets and when they freeze. Usage is added
 * only while a record is open, by one conditional upsert, so a frozen record can never change.
 */
@Repository
public class JdbcMeteringRecords {

    private static final String INTO_RECORD = """
            INSERT INTO metering_record (product_id, identity_mode, customer_key, dimension, hour, customer_id,
                                         customer_identifier, customer_aws_account_id, license_arn, quantity,
                                         rolled_in, state)
            """;

    // The WHERE makes the update a no-op once the record is frozen or if the hour would overflow AWS's limit.
    private static final String ADD_ON_CONFLICT = """
            ON CONFLICT (product_id, customer_key, dimension, hour) DO UPDATE SET
                quantity = metering_record.quantity + excluded.quantity,
                rolled_in = metering_record.rolled_in + excluded.rolled_in,
                version = metering_record.version + 1
            WHERE metering_record.state = 'open'
              AND metering_record.quantity + excluded.quantity <= 2147483647
            """;

    private static final String ADD_USAGE = INTO_RECORD + """
            VALUES (:productId, :identityMode, :customerKey, :dimension, :hour, :customerId,
                    :customerIdentifier, :customerAwsAccountId, :licenseArn, :quantity, :rolledIn, 'open')
            """ + ADD_ON_CONFLICT;

    // PostgreSQL: every addition of a request in one statement; RETURNING names the records that took usage.
    private static final String ADD_USAGE_ARRAYS = INTO_RECORD + """
            SELECT p, m, k, d, h, c, ci, ca, la, q, r, 'open'
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS a(p, m, k, d, h, c, ci, ca, la, q, r)
            """ + ADD_ON_CONFLICT + """
            RETURNING product_id, customer_key, dimension, hour
            """;

    // The record is found by its key; "WHERE true" lets SQLite parse the upsert after a SELECT.
    private static final String ADD_ALLOCATION = """
            INSERT INTO metering_allocation (record_id, tag_set, quantity)
            SELECT id, :tagSet, :quantity FROM metering_record
            WHERE product_id = :productId AND customer_key = :customerKey AND dimension = :dimension AND hour = :hour
              AND true
            ON CONFLICT (record_id, tag_set) DO UPDATE SET quantity = metering_allocation.quantity + excluded.quantity
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TimestampColumns timestamps;
    private final boolean arrays;

    public JdbcMeteringRecords(JdbcClient jdbc, NamedParameterJdbcTemplate batches, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.timestamps = timestamps;
        this.arrays = DatabaseVendor.of(batches.getJdbcTemplate().getDataSource()) == DatabaseVendor.POSTGRESQL;
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

    /** Usage to add to the open record of {@code key}; {@code rolledIn} of it came from an earlier, sent hour. */
    public record Addition(RecordKey key, long quantity, long rolledIn) {}

    /** Usage of one allocation tag set to add to the (open) record of {@code key}. */
    public record Allocation(RecordKey key, String tagSet, long quantity) {}

    /**
     * Adds each usage to its open record (creating it), in one batch; element i is false when addition i
     * changed nothing because its record is frozen or would overflow.
     */
    public boolean[] addUsage(List<Addition> additions) {
        if (arrays && additions.size() > 1 && distinctRecords(additions)) {
            return addUsageArrays(additions);
        }
        SqlParameterSource[] rows = additions.stream()
                .map(addition -> keyParameters(addition.key())
                        .addValue("identityMode", addition.key().identityMode())
                        .addValue("customerId", addition.key().customerId())
                        .addValue("customerIdentifier", addition.key().customerIdentifier())
                        .addValue("customerAwsAccountId", addition.key().customerAwsAccountId())
                        .addValue("licenseArn", addition.key().licenseArn())
                        .addValue("quantity", addition.quantity())
                        .addValue("rolledIn", addition.rolledIn()))
                .toArray(SqlParameterSource[]::new);
        return applied(batches.batchUpdate(ADD_USAGE, rows));
    }

    /** One statement may change a row only once: the arrays form needs every addition on its own record. */
    private static boolean distinctRecords(List<Addition> additions) {
        Set<List<Object>> keys = new HashSet<>();
        for (Addition addition : additions) {
            RecordKey key = addition.key();
            if (!keys.add(List.of(key.productId(), key.customerKey(), key.dimension(), key.hour()))) {
                return false;
            }
        }
        return true;
    }

    private boolean[] addUsageArrays(List<Addition> additions) {
        Set<List<Object>> applied = new HashSet<>();
        batches.getJdbcTemplate()
                .query(
                        connection -> {
                            PreparedStatement add = connection.prepareStatement(ADD_USAGE_ARRAYS);
                            ColumnArrays<Addition> arrays = new ColumnArrays<>(connection, additions);
                            add.setArray(1, arrays.texts(a -> a.key().productId()));
                            add.setArray(2, arrays.texts(a -> a.key().identityMode()));
                            add.setArray(3, arrays.texts(a -> a.key().customerKey()));
                            add.setArray(4, arrays.texts(a -> a.key().dimension()));
                            add.setArray(5, arrays.instants(a -> a.key().hour()));
                            add.setArray(6, arrays.texts(a -> a.key().customerId()));
                            add.setArray(7, arrays.texts(a -> a.key().customerIdentifier()));
                            add.setArray(8, arrays.texts(a -> a.key().customerAwsAccountId()));
                            add.setArray(9, arrays.texts(a -> a.key().licenseArn()));
                            add.setArray(10, arrays.longs(Addition::quantity));
                            add.setArray(11, arrays.longs(Addition::rolledIn));
                            return add;
                        },
                        row -> {
                            applied.add(List.of(
                                    row.getString("product_id"),
                                    row.getString("customer_key"),
                                    row.getString("dimension"),
                                    timestamps.read(row, "hour")));
                        });
        boolean[] result = new boolean[additions.size()];
        for (int i = 0; i < result.length; i++) {
            RecordKey key = additions.get(i).key();
            result[i] = applied.contains(List.of(
                    key.productId(), key.customerKey(), key.dimension(), TimestampColumns.truncate(key.hour())));
        }
        return result;
    }

    /** Adds tagged usage to records that {@link #addUsage} just added to, in one batch. */
    public void addAllocations(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = allocations.stream()
                .map(allocation -> keyParameters(allocation.key())
                        .addValue("tagSet", allocation.tagSet())
                        .addValue("quantity", allocation.quantity()))
                .toArray(SqlParameterSource[]::new);
        boolean[] added = applied(batches.batchUpdate(ADD_ALLOCATION, rows));
        for (boolean one : added) {
            if (!one) {
                throw new IllegalStateException("an allocation's record does not exist");
            }
        }
    }

    private MapSqlParameterSource keyParameters(RecordKey key) {
        return new MapSqlParameterSource()
                .addValue("productId", key.productId())
                .addValue("customerKey", key.customerKey())
                .addValue("dimension", key.dimension())
                .addValue("hour", timestamps.bind(key.hour()));
    }

    private static boolean[] applied(int[] counts) {
        boolean[] applied = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not report which rows a batch changed");
            }
            applied[i] = counts[i] > 0;
        }
        return applied;
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

    /** The allocation tag sets the record of {@code key} holds so far (none if it does not exist). */
    public Set<String> tagSets(RecordKey key) {
        return new HashSet<>(jdbc.sql("""
                        SELECT a.tag_set FROM metering_allocation a JOIN metering_record r ON r.id = a.record_id
                        WHERE r.product_id = :productId AND r.customer_key = :customerKey
                          AND r.dimension = :dimension AND r.hour = :hour
                        """)
                .paramSource(keyParameters(key))
                .query(String.class)
                .list());
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
