package io.marketgate.server.shared;

/**
 * Configuration that cannot work. Startup stops with one line naming {@link #property()} and the fix.
 *
 * @see io.marketgate.server.shared.startup.OneLineFailureReporter
 */
public class InvalidConfigurationException extends RuntimeException {

    private final String property;
    private final String fix;

    public InvalidConfigurationException(String property, String problem, String fix) {
        super(property + ": " + problem);
        this.property = property;
        this.fix = fix;
    }

    public String property() {
        return property;
    }

    public String fix() {
        return fix;
    }
}
