/**
 * Database plumbing: the embedded SQLite data source and its single-instance lock, and helpers that the
 * capabilities' {@code jdbc} adapters share (exposed to them as the {@code jdbc} named interface).
 */
@NamedInterface("jdbc")
package io.marketgate.server.shared.jdbc;

import org.springframework.modulith.NamedInterface;
