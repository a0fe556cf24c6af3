package io.marketgate.server.customer.jdbc;

import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.customer.Customer;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code customer} table, the same SQL on SQLite and PostgreSQL. */
@Repository
public class JdbcCustomers {

    private static final String COLUMNS =
            "id, product_id, customer_identifier, aws_account_id, license_arn, tenant_id, fields, registered_at";
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;
    private final JsonMapper json;

    public JdbcCustomers(JdbcClient jdbc, TimestampColumns timestamps, JsonMapper json) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
        this.json = json;
    }

    /**
     * Inserts {@code customer} under {@code identityKey} unless the product already has a customer with that
     * key: the unique constraint decides, so concurrent registrations of one buyer store exactly one row.
     *
     * @return true if this call inserted the row
     */
    public boolean insertIfAbsent(Customer customer, String identityKey) {
        AwsIdentity identity = customer.identity();
        return jdbc.sql("""
                        INSERT INTO customer (id, product_id, identity_key, customer_identifier, aws_account_id,
                                              license_arn, tenant_id, fields, registered_at)
                        VALUES (:id, :productId, :identityKey, :customerIdentifier, :awsAccountId,
                                :licenseArn, :tenantId, :fields, :registeredAt)
                        ON CONFLICT (product_id, identity_key) DO NOTHING
                        """)
                        .param("id", customer.id())
                        .param("productId", customer.productId())
                        .param("identityKey", identityKey)
                        .param("customerIdentifier", identity.customerIdentifier())
                        .param("awsAccountId", identity.customerAwsAccountId())
                        .param("licenseArn", identity.licenseArn())
                        .param("tenantId", customer.tenantId())
                        .param("fields", json.writeValueAsString(customer.fields()))
                        .param("registeredAt", timestamps.bind(customer.registeredAt()))
                        .update()
                == 1;
    }

    public Optional<Customer> byId(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = :id")
                .param("id", id)
                .query(this::toCustomer)
                .optional();
    }

    public Optional<Customer> byKey(String productId, String identityKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE product_id = :productId AND identity_key = :key")
                .param("productId", productId)
                .param("key", identityKey)
                .query(this::toCustomer)
                .optional();
    }

    /**
     * Customers matching any of {@code anyIds} by any of their ids, in id order; {@code licenseArns} are the
     * normalised forms of the same ids. One OR of IN lists over indexed columns: both databases answer it
     * from the indexes (a union of index lookups).
     */
    public List<Customer> lookup(Collection<String> anyIds, Collection<String> licenseArns) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id IN (:anyIds) OR tenant_id IN (:anyIds)"
                        + " OR license_arn IN (:licenseArns) OR customer_identifier IN (:anyIds)"
                        + " OR aws_account_id IN (:anyIds) ORDER BY id")
                .param("anyIds", anyIds)
                .param("licenseArns", licenseArns)
                .query(this::toCustomer)
                .list();
    }

    /** Customers after {@code afterId} in id order; null filters are left out of the query. */
    public List<Customer> list(String productId, String awsAccountId, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM customer WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (productId != null) {
            sql.append(" AND product_id = :productId");
            params.put("productId", productId);
        }
        if (awsAccountId != null) {
            sql.append(" AND aws_account_id = :awsAccountId");
            params.put("awsAccountId", awsAccountId);
        }
        if (afterId != null) {
            sql.append(" AND id > :afterId");
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY id LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::toCustomer).list();
    }

    /**
     * Sets the tenant id; a clash with another customer of the product raises the unique constraint's
     * {@link org.springframework.dao.DataIntegrityViolationException}.
     *
     * @return true if the customer exists
     */
    public boolean updateTenant(String customerId, String tenantId) {
        return jdbc.sql("UPDATE customer SET tenant_id = :tenantId WHERE id = :id")
                        .param("tenantId", tenantId)
                        .param("id", customerId)
                        .update()
                == 1;
    }

    /** The customer of {@code productId} holding {@code tenantId}, if any. */
    public Optional<String> tenantHolder(String productId, String tenantId) {
        return jdbc.sql("SELECT id FROM customer WHERE product_id = :productId AND tenant_id = :tenantId")
                .param("productId", productId)
                .param("tenantId", tenantId)
                .query(String.class)
                .optional();
    }

    private Customer toCustomer(ResultSet row, int rowNumber) throws SQLException {
        return new Customer(
                row.getString("id"),
                row.getString("product_id"),
                new AwsIdentity(
                        row.getString("customer_identifier"),
                        row.getString("aws_account_id"),
                        row.getString("license_arn")),
                row.getString("tenant_id"),
                json.readValue(row.getString("fields"), FIELDS),
                timestamps.read(row, "registered_at"));
    }
}
