package io.marketgate.server.shared.startup;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a startup failure that has an analysis as one line on standard error: what is wrong, then the
 * fix. Operators read it in a terminal or a container log; a banner and a stack trace only hide it.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        String line = "Marketgate did not start: " + flatten(analysis.getDescription())
                + (analysis.getAction() != null ? " Fix: " + flatten(analysis.getAction()) : "");
        System.err.println(line);
    }

    private static String flatten(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
