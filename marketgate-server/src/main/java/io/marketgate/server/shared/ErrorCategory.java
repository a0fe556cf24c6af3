package io.marketgate.server.shared;

/**
 * The few kinds of failure an API client can see. Each maps to one HTTP status in the web adapter;
 * adding a category is a deliberate API change.
 */
public enum ErrorCategory {
    /** The request itself is wrong; the client must change it (400). */
    INVALID_INPUT,
    /** No or bad credentials (401). */
    UNAUTHORIZED,
    /** The addressed thing does not exist (404). */
    NOT_FOUND,
    /** The request clashes with the current state (409). */
    CONFLICT,
    /** Our fault; the client may retry later (500). */
    INTERNAL
}
