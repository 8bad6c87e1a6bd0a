package dev.relations.engine;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds RocksDB's off-heap memory for the whole process: every store instance (one per task)
 * shares one block cache, and memtables are charged to that same cache through one write buffer
 * manager, so memory stays at the configured budget however many partitions an instance hosts.
 * Index and filter blocks live in the cache too, instead of growing with the data.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Streams config key of the budget, in bytes (all stores of this process together). */
    public static final String BUDGET_CONFIG = "relations.rocksdb.memory.bytes";
    public static final long DEFAULT_BUDGET = 128L * 1024 * 1024;
    /** Share of the budget memtables may take before RocksDB flushes them. */
    private static final double WRITE_BUFFER_SHARE = 0.25;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        var budget = Long.parseLong(String.valueOf(configs.getOrDefault(BUDGET_CONFIG, DEFAULT_BUDGET)));
        synchronized (BoundedRocksDbMemory.class) {
            if (cache == null) {
                // Shared for the life of the process; RocksDB objects of this kind are never closed per store.
                cache = new LRUCache(budget, -1, false, 0.1);
                writeBuffers = new WriteBufferManager((long) (budget * WRITE_BUFFER_SHARE), cache);
            }
        }
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: closing one store keeps them.
    }

    /** The write buffer manager every configured store shares (for tests and metrics). */
    static synchronized WriteBufferManager sharedWriteBuffers() {
        return writeBuffers;
    }
}
