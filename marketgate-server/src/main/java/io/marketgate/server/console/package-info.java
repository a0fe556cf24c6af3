/**
 * The admin web console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package io.marketgate.server.console;
