/**
 * API keys with scopes for the seller API, and the console login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.marketgate.server.security;
