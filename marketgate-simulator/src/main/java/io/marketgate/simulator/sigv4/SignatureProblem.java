package io.marketgate.simulator.sigv4;

/**
 * Why strict mode refuses a request's signature. Each protocol renders it its own way (awsJson body or
 * STS XML); the codes are the awsJson ones, {@link #queryCode()} gives the query-protocol (STS) one.
 */
public record SignatureProblem(int status, String code, String message) {

    public static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    public static final String INVALID_SIGNATURE = "InvalidSignatureException";
    /** AWS answers a credential scope naming the wrong service or region with 400, not 403 (G24). */
    public static final int SCOPE_STATUS = 400;

    /** STS (query protocol) refuses every signature problem with 403 {@code SignatureDoesNotMatch} or the like. */
    public int queryStatus() {
        return 403;
    }

    /** The name STS and other query-protocol services use for the same problem. */
    public String queryCode() {
        return MISSING_TOKEN.equals(code) ? "MissingAuthenticationToken" : "SignatureDoesNotMatch";
    }
}
