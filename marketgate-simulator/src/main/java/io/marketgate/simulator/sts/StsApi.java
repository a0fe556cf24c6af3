package io.marketgate.simulator.sts;

import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import io.marketgate.simulator.sigv4.Caller;
import io.marketgate.simulator.sigv4.CredentialScope;
import io.marketgate.simulator.sigv4.SigV4;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS STS at the wire (query protocol, version 2011-06-15): {@code AssumeRole} and {@code GetCallerIdentity},
 * as a form-encoded POST or a GET with the parameters in the query string.
 */
public final class StsApi {

    static final Set<String> ACTIONS = Set.of("AssumeRole", "GetCallerIdentity");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final StsRoles roles;
    private final SigV4 sigV4;

    public StsApi(StsRoles roles, SigV4 sigV4) {
        this.roles = roles;
        this.sigV4 = sigV4;
    }

    public void register(Router router) {
        router.when(StsApi::isStsRequest, this::handle);
    }

    /**
     * An STS call: posted or fetched at {@code /}, no {@code X-Amz-Target}, and an STS action or an {@code sts}
     * credential scope (other query-protocol services may share the port, so the action decides).
     */
    static boolean isStsRequest(SimRequest request) {
        if (!"/".equals(request.path()) || !request.amzTarget().isEmpty()) {
            return false;
        }
        String action = parameters(request).get("Action");
        boolean stsScope = CredentialScope.of(request)
                .map(s -> SigV4.STS_SERVICE.equals(s.service()))
                .orElse(false);
        return ACTIONS.contains(action) || (stsScope && action != null);
    }

    private SimResponse handle(SimRequest request) {
        Optional<SimResponse> refused = sigV4.check(request, SigV4.STS_SERVICE, SigV4.METERING_REGIONS)
                .map(p -> StsXml.error(p.queryStatus(), p.queryCode(), p.message()));
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> parameters = parameters(request);
        Caller caller = sigV4.caller(request);
        return switch (parameters.get("Action")) {
            case "AssumeRole" -> assumeRole(parameters, caller);
            case "GetCallerIdentity" -> callerIdentity(caller);
            default ->
                StsXml.error(
                        400,
                        "InvalidAction",
                        "Could not find operation " + parameters.get("Action") + " for version "
                                + parameters.getOrDefault("Version", "(none)"));
        };
    }

    private SimResponse assumeRole(Map<String, String> parameters, Caller caller) {
        String roleArn = parameters.get("RoleArn");
        String sessionName = parameters.get("RoleSessionName");
        if (!RegisteredRole.isRoleArn(roleArn)) {
            return StsXml.error(
                    400,
                    "ValidationError",
                    "1 validation error detected: Value '" + roleArn
                            + "' at 'roleArn' failed to satisfy constraint: Member must be a role ARN");
        }
        if (sessionName == null || !sessionName.matches("[\\w+=,.@-]{2,64}")) {
            return StsXml.error(
                    400,
                    "ValidationError",
                    "1 validation error detected: Value '" + sessionName
                            + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                            + " pattern: [\\w+=,.@-]* and have length between 2 and 64");
        }
        Optional<Duration> duration = duration(parameters.get("DurationSeconds"));
        if (duration.isEmpty()) {
            return StsXml.error(
                    400,
                    "ValidationError",
                    "1 validation error detected: Value '"
                            + parameters.get("DurationSeconds") + "' at 'durationSeconds' failed to satisfy constraint:"
                            + " Member must be an integer between 900 and 43200");
        }
        return switch (roles.assume(
                roleArn, sessionName, parameters.get("ExternalId"), duration.get(), callerArn(caller))) {
            case StsRoles.Outcome.Issued issued -> StsXml.assumeRole(issued.credentials());
            case StsRoles.Outcome.Denied denied -> StsXml.error(403, "AccessDenied", denied.message());
        };
    }

    private SimResponse callerIdentity(Caller caller) {
        Optional<IssuedCredentials> issued = roles.issued(caller.accessKeyId());
        if (issued.isPresent()) {
            return StsXml.callerIdentity(
                    issued.get().assumedRoleArn(), issued.get().assumedRoleId(), caller.accountId());
        }
        String userId = caller.accessKeyId() != null ? caller.accessKeyId() : "anonymous";
        return StsXml.callerIdentity(callerArn(caller), userId, caller.accountId());
    }

    private String callerArn(Caller caller) {
        return roles.issued(caller.accessKeyId())
                .map(IssuedCredentials::assumedRoleArn)
                .orElse("arn:aws:iam::" + caller.accountId() + ":user/simulator");
    }

    private static Optional<Duration> duration(String seconds) {
        if (seconds == null || seconds.isEmpty()) {
            return Optional.of(Duration.ofHours(1));
        }
        try {
            long value = Long.parseLong(seconds);
            return value >= 900 && value <= 43_200 ? Optional.of(Duration.ofSeconds(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> parameters(SimRequest request) {
        boolean form = "POST".equals(request.method())
                && request.header("content-type").map(t -> t.startsWith(FORM)).orElse(false);
        return form ? request.form() : request.query();
    }
}
