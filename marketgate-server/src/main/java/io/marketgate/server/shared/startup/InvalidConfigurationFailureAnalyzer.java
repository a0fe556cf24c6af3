package io.marketgate.server.shared.startup;

import io.marketgate.server.shared.InvalidConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Names the property and the fix when Marketgate's own configuration checks fail. */
final class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidConfigurationException cause) {
        return new FailureAnalysis("invalid configuration: " + cause.getMessage(), cause.fix(), cause);
    }
}
