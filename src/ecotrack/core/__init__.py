"""The shared core every service builds on: config, database, events, cache, HTTP, telemetry."""
