package io.marketgate.simulator.sts;

import io.marketgate.simulator.SimClock;
import io.marketgate.simulator.state.SimIds;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roles callers may assume and the temporary credentials AssumeRole issued. In lenient mode an
 * unregistered role may be assumed with any ExternalId (zero set-up for local use); in strict mode only
 * registered roles, and a registered role always enforces its ExternalId, like a trust policy condition.
 */
public final class StsRoles {

    /** What AssumeRole decided. */
    public sealed interface Outcome {
        record Issued(IssuedCredentials credentials) implements Outcome {}

        record Denied(String message) implements Outcome {}
    }

    private final SimClock clock;
    private final SimIds ids;
    private final boolean allowUnregistered;
    private final Map<String, RegisteredRole> roles = new ConcurrentHashMap<>();
    private final Map<String, IssuedCredentials> issued = new ConcurrentHashMap<>();

    public StsRoles(SimClock clock, SimIds ids, boolean allowUnregistered) {
        this.clock = clock;
        this.ids = ids;
        this.allowUnregistered = allowUnregistered;
    }

    public RegisteredRole register(RegisteredRole role) {
        roles.put(role.roleArn(), role);
        return role;
    }

    public List<RegisteredRole> roles() {
        return roles.values().stream()
                .sorted(Comparator.comparing(RegisteredRole::roleArn))
                .toList();
    }

    /** Forgets the registered roles; credentials already issued keep working. */
    public void clearRoles() {
        roles.clear();
    }

    public boolean allowsUnregistered() {
        return allowUnregistered;
    }

    /**
     * AssumeRole as the trust policy decides it.
     *
     * @param callerArn who asks, for AWS's denial message
     */
    public Outcome assume(String roleArn, String sessionName, String externalId, Duration duration, String callerArn) {
        RegisteredRole role = roles.get(roleArn);
        boolean trusted = role != null
                ? Objects.equals(role.externalId(), emptyToNull(externalId)) || role.externalId() == null
                : allowUnregistered;
        if (!trusted) {
            return new Outcome.Denied(
                    "User: " + callerArn + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        RegisteredRole assumed = role != null ? role : new RegisteredRole(roleArn, null);
        IssuedCredentials credentials = new IssuedCredentials(
                "ASIA" + upperHex(16),
                ids.hex(40),
                ids.token(),
                clock.instant().plus(duration),
                assumed,
                sessionName,
                "AROA" + upperHex(17) + ":" + sessionName);
        issued.put(credentials.accessKeyId(), credentials);
        return new Outcome.Issued(credentials);
    }

    public Optional<IssuedCredentials> issued(String accessKeyId) {
        return Optional.ofNullable(accessKeyId).map(issued::get);
    }

    /** The account of an access key this STS issued; the hook {@code SigV4} uses to map callers. */
    public Optional<String> accountOfIssuedKey(String accessKeyId) {
        return issued(accessKeyId).map(IssuedCredentials::accountId);
    }

    private String upperHex(int length) {
        return ids.hex(length).toUpperCase(Locale.ROOT);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
