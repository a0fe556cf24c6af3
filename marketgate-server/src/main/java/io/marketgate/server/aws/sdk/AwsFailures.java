package io.marketgate.server.aws.sdk;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** How an SDK failure reads in a result, and whether trying again later can help. */
final class AwsFailures {

    private AwsFailures() {}

    /** AWS's error code, or null for failures that never got an AWS answer (network, timeout, credentials). */
    static String errorCode(SdkException e) {
        AwsServiceException service = serviceException(e);
        return service == null || service.awsErrorDetails() == null
                ? null
                : service.awsErrorDetails().errorCode();
    }

    /** AWS's message without the SDK's request-id decoration, or the client-side failure. */
    static String message(SdkException e) {
        AwsServiceException service = serviceException(e);
        if (service != null && service.awsErrorDetails() != null) {
            String message = service.awsErrorDetails().errorMessage();
            return message == null ? service.awsErrorDetails().errorCode() : message;
        }
        return e.getMessage();
    }

    /** "ErrorCode: message" for AWS answers, "client failure: message" otherwise; for logs and results. */
    static String describe(SdkException e) {
        String code = errorCode(e);
        return (code == null ? e.getClass().getSimpleName() : code) + ": " + message(e);
    }

    /** Throttling, 5xx, timeouts and network errors; not credential refusals or invalid input. */
    static boolean retryable(SdkException e) {
        AwsServiceException service = serviceException(e);
        if (service != null) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || e.retryable()) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true; // connection refused, reset or closed: the network, not the request
            }
        }
        return false; // e.g. no credentials found: waiting does not fix configuration
    }

    /** Credential providers wrap the STS error of a failed AssumeRole in a client exception. */
    private static AwsServiceException serviceException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service) {
                return service;
            }
        }
        return null;
    }
}
