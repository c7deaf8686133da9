// Embedded Neo4j Community server with Bolt on 127.0.0.1, for development and CI.
//
// Usage: java -Xmx2g -cp 'classes:lib/*' Launcher HOME_DIR
// Env:   NEO4J_PASSWORD (required)  password of the `neo4j` user; never printed
//        NEO4J_BOLT_PORT (optional) Bolt port, default 7687
//        NEO4J_PAGECACHE_MB (optional) page cache in MB, default 1024
//
// LOAD CSV may read no file and reach no address (file URLs off, every IP blocked).
//
// Prints "neo4j ready bolt://127.0.0.1:PORT" once Bolt accepts connections, then runs
// until SIGTERM/SIGINT (a shutdown hook stops the DBMS cleanly). On failure it prints
// one "error: ..." line on stderr and exits non-zero.

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) {
        if (args.length != 1) {
            fail(2, "usage: Launcher HOME_DIR");
        }
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail(2, "NEO4J_PASSWORD is not set");
        }
        int port = parsePort(System.getenv().getOrDefault("NEO4J_BOLT_PORT", "7687"));
        long pageCacheMb = parseMegabytes(System.getenv().getOrDefault("NEO4J_PAGECACHE_MB", "1024"));
        if (!portFree(port)) {
            fail(3, "port " + HOST + ":" + port + " is already in use");
        }

        Path home = Path.of(args[0]).toAbsolutePath();
        DatabaseManagementService dbms = null;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                    // LOAD CSV counts as a read, so read-only queries could use it to read the
                    // machine's files or reach the network: no file URLs, and every address blocked.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                    // A lock wait the deadlock detector cannot see (a holder stalled outside the
                    // database) ends as a transient error the driver retries, not as a hang.
                    .setConfig(GraphDatabaseSettings.lock_acquisition_timeout, Duration.ofSeconds(30))
                    // Bolt's network threads otherwise idle 5 s (twice) before a stop completes.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            final DatabaseManagementService service = dbms;
            Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));

            setPassword(service, password);

            waitForBolt(port, Duration.ofSeconds(60));
        } catch (Throwable e) {
            if (dbms != null) {
                try {
                    dbms.shutdown();
                } catch (Throwable ignored) {
                    // already failing; report the original cause
                }
            }
            fail(1, "neo4j failed to start: " + rootMessage(e));
        }

        System.out.println("neo4j ready bolt://" + HOST + ":" + port);
        System.out.flush();
        try {
            new CountDownLatch(1).await(); // run until the JVM is asked to exit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Embedded transactions run with full rights, so the system database can set the built-in
    // user's password directly, replacing the initial neo4j/neo4j that must be changed on
    // first login. On a reused home the password may already be the requested one.
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static long parseMegabytes(String value) {
        try {
            long megabytes = Long.parseLong(value.trim());
            if (megabytes >= 16) {
                return megabytes;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        fail(2, "NEO4J_PAGECACHE_MB is not a size in megabytes (16 or more): " + value);
        return -1; // unreachable
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        fail(2, "NEO4J_BOLT_PORT is not a valid port: " + value);
        return -1; // unreachable
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitForBolt(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt did not accept connections on port " + port);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("\\s+", " ").trim();
    }

    private static void fail(int code, String reason) {
        System.err.println("error: " + reason);
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }
}
