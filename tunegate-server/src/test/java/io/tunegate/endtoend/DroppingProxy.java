package io.tunegate.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of the gateway that cuts its first connection once it has passed a number of
 * answer bytes, as a load balancer or a network failure would, and passes later connections whole. It keeps
 * the head of each request it forwards, to see what the client asked for.
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int gatewayPort;
    private final long cutFirstAfter;
    private final AtomicInteger connections = new AtomicInteger();
    final List<String> requestHeads = new CopyOnWriteArrayList<>();

    DroppingProxy(int gatewayPort, long cutFirstAfter) throws IOException {
        this.gatewayPort = gatewayPort;
        this.cutFirstAfter = cutFirstAfter;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("dropping-proxy").start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket gateway = new Socket();
                gateway.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gatewayPort), 5000);
                long limit = connections.incrementAndGet() == 1 ? cutFirstAfter : Long.MAX_VALUE;
                Thread.ofVirtual().start(() -> pump(client, gateway, Long.MAX_VALUE, true));
                Thread.ofVirtual().start(() -> pump(gateway, client, limit, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Copies from one socket to the other; past {@code limit} bytes, closes both at once. */
    private void pump(Socket from, Socket to, long limit, boolean request) {
        byte[] buffer = new byte[8192];
        long passed = 0;
        boolean headKept = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (request && !headKept) {
                    requestHeads.add(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    headKept = true;
                }
                int allowed = (int) Math.min(n, limit - passed);
                out.write(buffer, 0, allowed);
                out.flush();
                passed += allowed;
                if (passed >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
