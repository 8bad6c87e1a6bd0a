package dev.relations.eventlog;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The fold's state on disk: a scratch RocksDB in a temporary directory, removed on close.
 * Writes collect in an indexed batch that reads see, and reach the database every
 * {@link #BATCH} writes; the heap holds one batch and RocksDB's bounded cache and
 * memtables, however long the history.
 */
final class FoldStore implements AutoCloseable {
    private static final int BATCH = 20_000;
    private static final long CACHE_BYTES = 64L << 20;
    private static final long WRITE_BUFFER_BYTES = 32L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final LRUCache cache;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final WriteBatchWithIndex batch;
    private int pending;

    private FoldStore(Path dir) throws RocksDBException {
        this.dir = dir;
        this.cache = new LRUCache(CACHE_BYTES);
        this.options = new Options()
                .setCreateIfMissing(true)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setCacheIndexAndFilterBlocks(true));
        this.db = RocksDB.open(options, dir.toString());
        // Scratch state rebuilt on every run: a crash loses nothing worth a write-ahead log.
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
        this.batch = new WriteBatchWithIndex(true);
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
        try {
            return batch.getFromBatchAndDB(db, readOptions, bytes(key));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }

    void put(String key, byte[] value) {
        try {
            batch.put(bytes(key), value);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
        written();
    }

    void delete(String key) {
        try {
            batch.delete(bytes(key));
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
        written();
    }

    /** Every entry whose key starts with {@code prefix}, in key order, writes not yet flushed included. */
    void scan(String prefix, BiConsumer<String, byte[]> entry) {
        var start = bytes(prefix);
        try (RocksIterator base = db.newIterator(readOptions); RocksIterator it = batch.newIteratorWithBase(base)) {
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
        if (pending == 0) {
            return;
        }
        try {
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
        batch.clear();
        pending = 0;
    }

    private void written() {
        if (++pending >= BATCH) {
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
        batch.close();
        readOptions.close();
        writeOptions.close();
        db.close();
        options.close();
        cache.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
