package io.marketgate.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The database a benchmark runs the server on: its SQLite file, or its own schema of a local PostgreSQL. */
sealed interface BenchDatabase {

    String name();

    /** Server arguments pointing it at this database. */
    List<String> serverArgs(Path folder);

    /** A connection of the benchmark itself to the same database, with the server's settings. */
    Connection connect(Path folder) throws SQLException;

    /** A timestamp bound as the server's schema stores it. */
    Object timestamp(Instant instant);

    /** The {@code usage_event} layout under another name, for the raw insert baseline. */
    String createUsageTable(String table);

    default void close() throws SQLException {}

    record Sqlite() implements BenchDatabase {
        @Override
        public String name() {
            return "SQLite";
        }

        @Override
        public List<String> serverArgs(Path folder) {
            return List.of("--marketgate.database.sqlite-path=" + file(folder));
        }

        @Override
        public Connection connect(Path folder) throws SQLException {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file(folder));
            try (Statement sql = connection.createStatement()) {
                // The server's own settings (WAL, synchronous=FULL).
                sql.execute("PRAGMA busy_timeout = 10000");
                sql.execute("PRAGMA journal_mode = WAL");
                sql.execute("PRAGMA synchronous = FULL");
            }
            return connection;
        }

        private static Path file(Path folder) {
            return folder.resolve("data/marketgate.db");
        }

        @Override
        public Object timestamp(Instant instant) {
            return instant.toEpochMilli();
        }

        @Override
        public String createUsageTable(String table) {
            return "CREATE TABLE " + table + " (seq INTEGER NOT NULL PRIMARY KEY, usage_hour INTEGER NOT NULL,"
                    + " event_id TEXT NOT NULL, body_hash TEXT NOT NULL, customer_id TEXT NOT NULL,"
                    + " product_id TEXT NOT NULL, customer_key TEXT NOT NULL, dimension TEXT NOT NULL,"
                    + " quantity INTEGER NOT NULL, event_time INTEGER NOT NULL, received_at INTEGER NOT NULL,"
                    + " billed_hour INTEGER, status TEXT NOT NULL CHECK (status IN ('accepted', 'unbillable')),"
                    + " reason TEXT) STRICT";
        }
    }

    /** A fresh schema in the local PostgreSQL, dropped on close. */
    record Postgresql(String schema) implements BenchDatabase {

        static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

        static Postgresql create() throws SQLException {
            String schema =
                    "mg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE SCHEMA " + schema);
            }
            return new Postgresql(schema);
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public List<String> serverArgs(Path folder) {
            return List.of(
                    "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                    "--spring.datasource.username=postgres",
                    "--spring.flyway.schemas=" + schema);
        }

        @Override
        public Connection connect(Path folder) throws SQLException {
            return DriverManager.getConnection(URL + "?currentSchema=" + schema, "postgres", "");
        }

        @Override
        public Object timestamp(Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }

        @Override
        public String createUsageTable(String table) {
            return "CREATE TABLE " + table + " (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " usage_hour timestamptz NOT NULL, event_id text NOT NULL, body_hash text NOT NULL,"
                    + " customer_id text NOT NULL, product_id text NOT NULL, customer_key text NOT NULL,"
                    + " dimension text NOT NULL, quantity bigint NOT NULL, event_time timestamptz NOT NULL,"
                    + " received_at timestamptz NOT NULL, billed_hour timestamptz,"
                    + " status text NOT NULL CHECK (status IN ('accepted', 'unbillable')), reason text)";
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                    Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /**
     * Registers customers of the bench product with an active subscription since {@code since}, as the
     * lifecycle leaves them ({@code cus_bench000000..}); {@code licenseArns[i]} is customer i's license.
     */
    static void registerActiveCustomers(
            BenchDatabase database, Connection db, List<String> licenseArns, List<String> accounts, Instant since)
            throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement customer = db.prepareStatement("INSERT INTO customer (id, product_id, identity_key,"
                        + " aws_account_id, license_arn, fields, registered_at) VALUES (?, ?, ?, ?, ?, '{}', ?)");
                PreparedStatement subscription = db.prepareStatement("INSERT INTO subscription (product_id,"
                        + " subscription_key, state, customer_id, aws_account_id, license_arn, free_trial,"
                        + " active_since, created_at, updated_at, version) VALUES (?, ?, 'active', ?, ?, ?, ?, ?, ?,"
                        + " ?, (SELECT version + 1 FROM access_version))");
                Statement sql = db.createStatement()) {
            Object at = database.timestamp(since);
            for (int i = 0; i < licenseArns.size(); i++) {
                String id = customerId(i);
                customer.setString(1, id);
                customer.setString(2, BenchServer.PRODUCT);
                customer.setString(3, licenseArns.get(i));
                customer.setString(4, accounts.get(i));
                customer.setString(5, licenseArns.get(i));
                customer.setObject(6, at);
                customer.addBatch();
                subscription.setString(1, BenchServer.PRODUCT);
                subscription.setString(2, licenseArns.get(i));
                subscription.setString(3, id);
                subscription.setString(4, accounts.get(i));
                subscription.setString(5, licenseArns.get(i));
                subscription.setBoolean(6, false);
                subscription.setObject(7, at);
                subscription.setObject(8, at);
                subscription.setObject(9, at);
                subscription.addBatch();
            }
            customer.executeBatch();
            subscription.executeBatch();
            sql.executeUpdate("UPDATE access_version SET version = version + 1");
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    static String customerId(int i) {
        return String.format("cus_bench%012d", i);
    }
}
