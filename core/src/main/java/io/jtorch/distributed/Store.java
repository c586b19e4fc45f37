package io.jtorch.distributed;

import io.jtorch.internal.Errors;
import io.jtorch.internal.Native;
import java.time.Duration;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.PrefixStore;

/**
 * A key-value store that every process of a job reaches, through which the processes find each
 * other when a {@link ProcessGroup} starts (rendezvous). Mirrors {@code torch.distributed.Store};
 * {@link FileStore} and {@link TCPStore} are the kinds.
 *
 * <p><b>Ownership.</b> libtorch shares stores through reference-counted {@code intrusive_ptr}s,
 * but the presets construct {@code FileStore} and {@code TCPStore} with a plain {@code new}:
 * the first time such an object is passed to libtorch it is adopted by a fresh reference count,
 * and passing it a second time aborts the JVM ("Newly-created target had non-zero refcounts").
 * This class therefore adopts each new store exactly once, through a throwaway
 * {@code PrefixStore}, keeps a counted reference of its own ({@link #raw()}), which can be passed
 * to libtorch any number of times, and never lets Java delete the object libtorch now owns.
 */
public abstract class Store {
    static {
        Native.load();
    }

    private final org.bytedeco.pytorch.Store raw;
    private final Duration timeout;

    /** Takes over {@code created}, a store the presets just allocated with {@code new}. */
    Store(org.bytedeco.pytorch.Store created, Duration timeout) {
        this.raw = adopt(created);
        this.timeout = timeout;
        raw.setTimeout(new Milliseconds(timeout.toMillis()));
    }

    /** A counted reference to {@code created}, which from then on belongs to libtorch's reference count. */
    static org.bytedeco.pytorch.Store adopt(org.bytedeco.pytorch.Store created) {
        PrefixStore view = new PrefixStore("", created);
        org.bytedeco.pytorch.Store counted = view.getUnderlyingStore();
        view.deallocate();
        // Neither a Scope nor the garbage collector may delete what libtorch now owns.
        created.retainReference();
        created.deallocate(false);
        counted.retainReference();
        return counted;
    }

    /**
     * Sets {@code key} to {@code value}; mirrors {@code store.set(key, value)}.
     *
     * @param key the key, shared by all ranks
     * @param value the value all ranks will read
     */
    public void set(String key, String value) {
        try {
            raw.set(key, value);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "store set '" + key + "'");
        }
    }

    /**
     * {@return the value of {@code key}, waiting up to the store's timeout for it to be set;
     * mirrors {@code store.get(key)}}
     *
     * @param key the key, shared by all ranks
     */
    public String get(String key) {
        try {
            return raw.get_to_str(key);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "store get '" + key + "'");
        }
    }

    /**
     * Adds {@code amount} to the counter {@code key} (0 when unset) and returns the new value;
     * mirrors {@code store.add}.
     *
     * @param key the key, shared by all ranks
     * @param amount the amount to add, negative to subtract
     * @return the counter's new value
     */
    public long add(String key, long amount) {
        try {
            return raw.add(key, amount);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "store add '" + key + "'");
        }
    }

    /**
     * {@return how long operations wait for keys, and how long a process group waits for its peers
     * to join}
     */
    public Duration timeout() {
        return timeout;
    }

    /** Whether every process that uses this store runs on this machine, so the loopback interface reaches them all. */
    abstract boolean isLocal();

    /**
     * {@return the presets' store: a counted reference that may be passed to libtorch any number of
     * times}
     */
    public org.bytedeco.pytorch.Store raw() {
        return raw;
    }
}
