package io.marketgate.server.aws;

/**
 * Feeds the default credentials chain through the JVM system properties {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} (the first source the chain reads), and puts the previous values back on close.
 */
public final class JvmCredentials implements AutoCloseable {

    private static final String ACCESS_KEY = "aws.accessKeyId";
    private static final String SECRET_KEY = "aws.secretAccessKey";

    private final String previousAccessKey;
    private final String previousSecretKey;

    private JvmCredentials(String accessKeyId) {
        previousAccessKey = System.getProperty(ACCESS_KEY);
        previousSecretKey = System.getProperty(SECRET_KEY);
        System.setProperty(ACCESS_KEY, accessKeyId);
        System.setProperty(SECRET_KEY, "jvm-secret");
    }

    /** The simulator maps an access key of 12 digits to that account. */
    public static JvmCredentials ofAccount(String accountId) {
        return new JvmCredentials(accountId);
    }

    @Override
    public void close() {
        restore(ACCESS_KEY, previousAccessKey);
        restore(SECRET_KEY, previousSecretKey);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
