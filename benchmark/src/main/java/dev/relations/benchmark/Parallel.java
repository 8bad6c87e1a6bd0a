package dev.relations.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/** Runs preparation tasks on virtual threads, at most {@code parallelism} at a time; stops at the first failure. */
final class Parallel {
    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    private Parallel() {
    }

    static void run(int tasks, int parallelism, Task task) throws Exception {
        var permits = new Semaphore(parallelism);
        var failure = new AtomicReference<Exception>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks && failure.get() == null; i++) {
                int index = i;
                permits.acquire();
                executor.submit(() -> {
                    try {
                        task.run(index);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Registers {@code count} users named {@code prefix + i}, in batches, a few batches at a time. */
    static void registerUsers(RelationsClient client, String prefix, int count) throws Exception {
        int batches = (count + RelationsClient.MAX_BATCH - 1) / RelationsClient.MAX_BATCH;
        Task batch = b -> {
            var names = new java.util.ArrayList<String>();
            for (int i = b * RelationsClient.MAX_BATCH; i < Math.min(count, (b + 1) * RelationsClient.MAX_BATCH); i++) {
                names.add(prefix + i);
            }
            client.registerAll(names);
        };
        // The first batch alone: on a fresh service it registers the command schemas, which
        // concurrent first writes can race on.
        batch.run(0);
        // Registration hashes every password on the service: a few batches saturate 2 cores.
        run(batches - 1, 4, b -> batch.run(b + 1));
    }
}
