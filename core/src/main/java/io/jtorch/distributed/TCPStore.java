package io.jtorch.distributed;

import io.jtorch.internal.Errors;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.TCPStoreOptions;

/**
 * A {@link Store} served over TCP by one process of the job (the master, rank 0) and reached by
 * the others at {@code host:port}: what jobs across several machines use. Mirrors
 * {@code torch.distributed.TCPStore(host, port, world_size, is_master, timeout)}.
 */
public final class TCPStore extends Store {
    private final String host;
    private final int port;

    /**
     * Starts the server ({@code isMaster}) or connects to it, waiting up to {@code timeout} for
     * the server to come up and for keys.
     *
     * @param host the server's host name or address
     * @param port the server's TCP port
     * @param worldSize the number of processes in the group
     * @param isMaster whether this process runs the server (rank 0)
     * @param timeout how long to wait for the server to come up and for keys
     */
    public TCPStore(String host, int port, int worldSize, boolean isMaster, Duration timeout) {
        super(create(host, port, worldSize, isMaster, timeout), timeout);
        this.host = host;
        this.port = port;
    }

    private static org.bytedeco.pytorch.TCPStore create(String host, int port, int worldSize, boolean isMaster, Duration timeout) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCPStore port must be in 1..65535, got " + port);
        }
        if (worldSize < 1) {
            throw new IllegalArgumentException("a TCPStore needs a world size of at least 1, got " + worldSize);
        }
        TCPStoreOptions options = new TCPStoreOptions();
        options.port((short) port);
        options.isServer(isMaster);
        options.numWorkers(new SizeTPointer(1).put(worldSize));
        options.waitWorkers(false);
        options.timeout(new Milliseconds(timeout.toMillis()));
        try {
            return new org.bytedeco.pytorch.TCPStore(host, options);
        } catch (RuntimeException e) {
            throw Errors.translate(e, "TCPStore " + host + ":" + port + (isMaster ? " (server)" : ""));
        }
    }

    /** {@return the server's host} */
    public String host() {
        return host;
    }

    /** {@return the server's port} */
    public int port() {
        return port;
    }

    @Override
    boolean isLocal() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "TCPStore(" + host + ":" + port + ")";
    }
}
