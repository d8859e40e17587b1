package org.yizhan.testsupport.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between a client and its broker in a test: a TCP relay on 127.0.0.1, on a free port of its own,
 * to the broker's port, that the test controls.
 * <ul>
 *   <li>{@link #cut} resets every open connection, both ways, without a FIN: to the broker the client vanished, as
 *       with a pulled cable or a killed process (no DISCONNECT, so the broker sends the client's will);</li>
 *   <li>{@link #down} stops listening and cuts: the broker is unreachable until {@link #listen} again;</li>
 *   <li>{@link #holdReplies} keeps what the broker sends (its PUBACKs) from reaching the client until
 *       {@link #releaseReplies}, so a {@link #cut} meanwhile leaves messages the broker took unacknowledged.</li>
 * </ul>
 * A client that connects while the broker is down has its connection reset at once. Thread-safe; the relay's
 * threads are daemons.
 */
public final class TcpRelay implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object replies = new Object();
    private boolean holding;
    private volatile ServerSocket server;

    /** A relay to 127.0.0.1:{@code target} on a free port, not listening until {@link #listen}. */
    public TcpRelay(int target) throws IOException {
        this.port = Loopback.freePort();
        this.target = target;
    }

    public int port() {
        return port;
    }

    /** The URL a client connects to instead of the broker's. */
    public String url() {
        return Loopback.tcpUrl(port);
    }

    /** Accepts connections (again) and relays each to the broker. */
    public TcpRelay listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        daemon("relay-accept-" + port, () -> accept(socket));
        return this;
    }

    /** Stops listening and resets every connection: the broker is unreachable until {@link #listen}. */
    public void down() throws IOException {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            socket.close();
        }
        cut();
    }

    /** Resets every open connection, both ways, without a FIN; the relay keeps listening if it was. */
    public void cut() {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        sockets.clear();
    }

    public void holdReplies() {
        synchronized (replies) {
            holding = true;
        }
    }

    public void releaseReplies() {
        synchronized (replies) {
            holding = false;
            replies.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        releaseReplies();
        down();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket broker;
                try {
                    broker = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException brokerDown) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                sockets.add(client);
                sockets.add(broker);
                daemon("relay-up-" + port, () -> pump(client, broker, false));
                daemon("relay-down-" + port, () -> pump(broker, client, true));
            } catch (IOException e) {
                // closed by down(): the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean reply) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (reply) {
                    awaitRelease();
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitRelease() throws SocketException {
        synchronized (replies) {
            while (holding) {
                try {
                    replies.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SocketException("interrupted while holding the broker's replies");
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
