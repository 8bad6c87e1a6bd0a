package dev.relations.api.runtime;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exits with status 1 from a thread of its own: the caller may be a stream thread, which the
 * shutdown hook's close of Kafka Streams would otherwise wait for while it waits in exit.
 */
@Singleton
public class SystemExit implements ProcessExit {
    private static final Logger LOG = LoggerFactory.getLogger(SystemExit.class);

    @Override
    public void exit(String reason) {
        LOG.error("event=process_exiting reason=\"{}\"", reason);
        Thread.ofPlatform().name("relations-exit").start(() -> System.exit(1));
    }
}
