/**
 * E-mail to buyers and operators, delivered through the outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package io.marketgate.server.mail;
