package org.yizhan.kiosk.telemetry.mqtt;

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
 * A TCP proxy on 127.0.0.1 between a client and a broker, that a test controls: {@link #cut} resets every
 * connection at once, as a pulled cable or a killed process would look to the broker (no DISCONNECT, so the
 * broker sends the Last Will); {@link #stopListening} makes the broker unreachable; {@link #holdReplies}
 * keeps what the broker sends (PUBACKs) from reaching the client until {@link #releaseReplies}.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object replies = new Object();
    private boolean holding;
    private volatile ServerSocket server;

    /** A proxy to {@code target} on a free port, not listening yet. */
    TcpProxy(int target) throws IOException {
        this.port = HiveMqBroker.freePort();
        this.target = target;
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    TcpProxy listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        daemon("proxy-accept-" + port, () -> accept(socket));
        return this;
    }

    void stopListening() throws IOException {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            socket.close();
        }
    }

    /** Resets every open connection, both sides, without a FIN: the broker sees the client vanish. */
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
        stopListening();
        releaseReplies();
        cut();
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
                daemon("proxy-up-" + port, () -> pump(client, broker, false));
                daemon("proxy-down-" + port, () -> pump(broker, client, true));
            } catch (IOException e) {
                // closed by stopListening, or the broker is down: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to, boolean reply) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
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
                    throw new SocketException("interrupted");
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
