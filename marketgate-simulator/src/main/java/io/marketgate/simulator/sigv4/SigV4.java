package io.marketgate.simulator.sigv4;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads SigV4 credentials: who is calling (account, region, service) and, in strict mode, whether the
 * credential scope names the right service and a served region. Signatures themselves are never verified:
 * the simulator has no secrets to check them against, and any dummy credentials must work.
 *
 * <p>Account mapping, in this order: an access key issued by the simulator's STS AssumeRole belongs to
 * the role's account; an access key of exactly 12 digits is that account (so tests can pick any account
 * without STS); any other access key belongs to the configured default account.
 */
public final class SigV4 {

    public static final String DEFAULT_REGION = "us-east-1";
    /** The signing name of the Metering and Entitlement services (not {@code metering.marketplace}). */
    public static final String MARKETPLACE_SERVICE = "aws-marketplace";

    public static final String STS_SERVICE = "sts";

    /** Regions with a Metering endpoint (botocore endpoints.json). */
    public static final Set<String> METERING_REGIONS = Set.of(
            "af-south-1",
            "ap-east-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ca-central-1",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "me-central-1",
            "me-south-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "cn-northwest-1",
            "us-gov-east-1",
            "us-gov-west-1",
            "us-isob-east-1",
            "eusc-de-east-1");

    /**
     * Entitlement is served in us-east-1 only, in the partition the simulator models (AWS also has it in
     * cn-northwest-1 and eusc-de-east-1, other partitions with their own accounts and endpoints).
     */
    public static final Set<String> ENTITLEMENT_REGIONS = Set.of("us-east-1");

    private final String defaultAccountId;
    private final boolean strict;
    private final Function<String, Optional<String>> issuedKeyAccounts;

    /**
     * @param defaultAccountId the account of any access key that is neither issued by STS nor 12 digits
     * @param strict whether {@link #check} enforces the credential scope
     * @param issuedKeyAccounts the account of an access key the simulator's STS issued, if it did
     */
    public SigV4(String defaultAccountId, boolean strict, Function<String, Optional<String>> issuedKeyAccounts) {
        this.defaultAccountId = defaultAccountId;
        this.strict = strict;
        this.issuedKeyAccounts = issuedKeyAccounts;
    }

    /** Who sends this request; unsigned requests come from the default account in us-east-1. */
    public Caller caller(SimRequest request) {
        return CredentialScope.of(request)
                .map(scope -> new Caller(
                        scope.accessKeyId(), accountOf(scope.accessKeyId()), scope.region(), scope.service()))
                .orElseGet(() -> new Caller(null, defaultAccountId, DEFAULT_REGION, null));
    }

    /** The account an access key belongs to (see the class comment for the rules). */
    public String accountOf(String accessKeyId) {
        Optional<String> issued = issuedKeyAccounts.apply(accessKeyId);
        if (issued.isPresent()) {
            return issued.get();
        }
        return accessKeyId.matches("\\d{12}") ? accessKeyId : defaultAccountId;
    }

    public boolean strict() {
        return strict;
    }

    public String defaultAccountId() {
        return defaultAccountId;
    }

    /**
     * In strict mode, the problem AWS would report for this request's credential scope, if any: missing
     * credentials, another service's signing name, or a region the service is not offered in. Lenient mode
     * accepts everything.
     */
    public Optional<SignatureProblem> check(SimRequest request, String service, Set<String> regions) {
        if (!strict) {
            return Optional.empty();
        }
        Optional<CredentialScope> scope = CredentialScope.of(request);
        if (scope.isEmpty()) {
            return Optional.of(
                    new SignatureProblem(403, SignatureProblem.MISSING_TOKEN, "Missing Authentication Token"));
        }
        if (!service.equals(scope.get().service())) {
            return Optional.of(new SignatureProblem(
                    SignatureProblem.SCOPE_STATUS,
                    SignatureProblem.INVALID_SIGNATURE,
                    "Credential should be scoped to correct service: '" + service + "'. "));
        }
        if (!regions.contains(scope.get().region())) {
            return Optional.of(new SignatureProblem(
                    SignatureProblem.SCOPE_STATUS,
                    SignatureProblem.INVALID_SIGNATURE,
                    "Credential should be scoped to a valid region, not '"
                            + scope.get().region() + "'. "));
        }
        return Optional.empty();
    }

    /** {@link #check} rendered as an awsJson 1.1 error response, for the Metering and Entitlement APIs. */
    public Optional<SimResponse> checkAwsJson(SimRequest request, Set<String> regions) {
        return check(request, MARKETPLACE_SERVICE, regions)
                .map(problem -> AwsErrors.json(problem.status(), problem.code(), problem.message()));
    }
}
