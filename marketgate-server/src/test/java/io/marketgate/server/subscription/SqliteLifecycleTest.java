package io.marketgate.server.subscription;

class SqliteLifecycleTest extends LifecycleContract {}
