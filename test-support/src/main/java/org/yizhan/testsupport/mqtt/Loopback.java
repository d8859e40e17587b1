package org.yizhan.testsupport.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** 127.0.0.1, the only address a test's broker or relay listens on. */
public final class Loopback {

    private Loopback() {
    }

    /** A port of 127.0.0.1 that nothing listened on a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The MQTT URL of a broker on 127.0.0.1:{@code port}, e.g. {@code tcp://127.0.0.1:1883}. */
    public static String tcpUrl(int port) {
        return "tcp://127.0.0.1:" + port;
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port} now. */
    static boolean accepts(int port) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
