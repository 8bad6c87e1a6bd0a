package dev.relations.eventlog;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The fold's state on disk: a scratch RocksDB in a temporary directory, removed on close.
 * Writes collect in a map that reads look at first, and reach the database as one batch
 * when it holds {@link #BATCH} keys (and before every scan); the heap holds that map and
 * RocksDB's bounded cache and memtables, however long the history. A map rather than
 * RocksDB's indexed batch: the fold reads and rewrites its aggregate's entry on nearly
 * every event, a map lookup costs a fraction of a native call, and a key written many
 * times between two flushes reaches RocksDB once.
 */
final class FoldStore implements AutoCloseable {
    private static final int BATCH = 100_000;
    private static final long CACHE_BYTES = 64L << 20;
    private static final long WRITE_BUFFER_BYTES = 64L << 20;
    private static final byte[] DELETED = new byte[0];

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final LRUCache cache;
    private final BloomFilter filter;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final Map<String, byte[]> pending = new HashMap<>();

    private FoldStore(Path dir) throws RocksDBException {
        this.dir = dir;
        this.cache = new LRUCache(CACHE_BYTES);
        this.filter = new BloomFilter(10, false);
        this.options = new Options()
                .setCreateIfMissing(true)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setCacheIndexAndFilterBlocks(true)
                        // most reads ask for an edge that does not exist yet
                        .setFilterPolicy(filter));
        this.db = RocksDB.open(options, dir.toString());
        // Scratch state rebuilt on every run: a crash loses nothing worth a write-ahead log.
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
    }

    /** A fresh store under {@code parent} (the system's temporary directory when null). */
    static FoldStore open(Path parent) {
        try {
            var dir = parent == null ? Files.createTempDirectory("relations-log") : Files.createTempDirectory(parent, "relations-log");
            return new FoldStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the fold's RocksDB store: " + e.getMessage(), e);
        }
    }

    byte[] get(String key) {
        var value = pending.get(key);
        if (value != null) {
            return value == DELETED ? null : value;
        }
        try {
            return db.get(readOptions, bytes(key));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    void put(String key, byte[] value) {
        written(key, value);
    }

    void delete(String key) {
        written(key, DELETED);
    }

    /** Every entry whose key starts with {@code prefix}, in key order, writes not yet flushed included. */
    void scan(String prefix, BiConsumer<String, byte[]> entry) {
        flush();
        var start = bytes(prefix);
        try (RocksIterator it = db.newIterator(readOptions)) {
            for (it.seek(start); it.isValid(); it.next()) {
                var key = it.key();
                if (!startsWith(key, start)) {
                    break;
                }
                entry.accept(new String(key, StandardCharsets.UTF_8), it.value());
            }
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try (var batch = new WriteBatch()) {
            for (var entry : pending.entrySet()) {
                if (entry.getValue() == DELETED) {
                    batch.delete(bytes(entry.getKey()));
                } else {
                    batch.put(bytes(entry.getKey()), entry.getValue());
                }
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
        pending.clear();
    }

    private void written(String key, byte[] value) {
        pending.put(key, value);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        readOptions.close();
        writeOptions.close();
        db.close();
        options.close();
        filter.close();
        cache.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
