package io.marketgate.server.metering;

import io.marketgate.server.metering.jdbc.JdbcReconciliation;
import io.marketgate.server.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Stage 6, prove it: per hour, customer and dimension, what was accepted, frozen, sent and settled. */
@Service
public class Reconciliation {

    /** Longest range one request may cover. */
    public static final Duration MAX_RANGE = Duration.ofDays(31);

    private final JdbcReconciliation jdbc;

    public Reconciliation(JdbcReconciliation jdbc) {
        this.jdbc = jdbc;
    }

    /** The books of hours in [from, to), with their total. */
    public Report report(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw InvalidInputException.of("to", "at most 31 days after from");
        }
        List<ReconciliationLine> lines = jdbc.lines(MeteringWindow.hourOf(from), to);
        ReconciliationLine total = new ReconciliationLine(null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (ReconciliationLine line : lines) {
            total = total.plus(line);
        }
        return new Report(from, to, lines, total, lines.stream().allMatch(ReconciliationLine::balanced));
    }

    public record Report(
            Instant from, Instant to, List<ReconciliationLine> lines, ReconciliationLine total, boolean balanced) {}
}
