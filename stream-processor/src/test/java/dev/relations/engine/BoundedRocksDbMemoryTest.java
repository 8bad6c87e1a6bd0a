package dev.relations.engine;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every store of the process is charged to one budget, so memory does not grow with the partitions hosted. */
class BoundedRocksDbMemoryTest {

    @Test
    void every_store_shares_one_write_buffer_manager_and_keeps_index_and_filters_in_the_cache() {
        RocksDB.loadLibrary();
        var setter = new BoundedRocksDbMemory();
        var configs = Map.<String, Object>of(BoundedRocksDbMemory.BUDGET_CONFIG, 64L * 1024 * 1024);
        try (var first = new Options(); var second = new Options()) {
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());

            setter.setConfig("state", first, configs);
            setter.setConfig("state", second, configs);

            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager())
                    .isSameAs(BoundedRocksDbMemory.sharedWriteBuffers());
            assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
        }
    }
}
