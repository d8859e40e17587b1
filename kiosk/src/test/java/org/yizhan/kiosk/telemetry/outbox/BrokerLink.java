package org.yizhan.kiosk.telemetry.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between a kiosk and its broker in a test: a TCP relay on 127.0.0.1 that the test can take down
 * ({@link #down}: nothing listens, every connection is reset without a FIN, as a pulled cable looks), bring
 * back ({@link #up}), and make lose acknowledgements: {@link #holdReplies} keeps what the broker sends (its
 * PUBACKs) from reaching the kiosk until {@link #releaseReplies}, so a {@link #cut} then leaves messages the
 * broker took unacknowledged. Thread-safe.
 */
final class BrokerLink implements AutoCloseable {

    private final int port;
    private final int broker;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object replies = new Object();
    private boolean holding;
    private volatile ServerSocket server;

    /** A link to the broker on {@code brokerPort}, down until {@link #up}. */
    BrokerLink(int brokerPort) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        this.broker = brokerPort;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    BrokerLink up() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        daemon("link-accept", () -> accept(socket));
        return this;
    }

    /** Stops listening and resets every connection: the broker is unreachable until {@link #up}. */
    void down() throws IOException {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            socket.close();
        }
        cut();
    }

    /** Resets every open connection, both ways, without a FIN. */
    void cut() {
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

    void holdReplies() {
        synchronized (replies) {
            holding = true;
        }
    }

    void releaseReplies() {
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
                Socket kiosk = socket.accept();
                Socket toBroker = new Socket(InetAddress.getLoopbackAddress(), broker);
                sockets.add(kiosk);
                sockets.add(toBroker);
                daemon("link-up", () -> pump(kiosk, toBroker, false));
                daemon("link-down", () -> pump(toBroker, kiosk, true));
            } catch (IOException e) {
                // closed by down(), or the broker refused: the kiosk sees its connection end
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
        } catch (IOException | InterruptedException e) {
            // cut, or one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitRelease() throws InterruptedException {
        synchronized (replies) {
            while (holding) {
                replies.wait();
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
