package orc.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts an embedded Neo4j community DBMS with only the Bolt connector, bound to 127.0.0.1:&lt;port&gt;,
 * authentication enabled, user "neo4j" with the given password. Prints "READY bolt://127.0.0.1:&lt;port&gt;"
 * once it accepts connections and shuts down cleanly on SIGTERM/SIGINT or when stdin is closed.
 *
 * Usage: Neo4jLauncher &lt;port&gt; &lt;password&gt; &lt;dataDir&gt;
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Neo4jLauncher <port> <password> <dataDir>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    String password = args[1];
    Path home = Path.of(args[2]).toAbsolutePath();

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, 32L * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
        // Test peer: no need for Netty's 5 s graceful-shutdown quiet period.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .build();

    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable shutdown = () -> {
      if (stopped.compareAndSet(false, true)) {
        System.out.println("STOPPING");
        System.out.flush();
        try {
          dbms.shutdown();
        } catch (RuntimeException e) {
          e.printStackTrace();
        }
        System.out.println("STOPPED");
        System.out.flush();
        done.countDown();
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-launcher-shutdown"));

    // Set a deterministic password for the built-in user (community edition supports ALTER USER).
    dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    // Make sure the default database is up before announcing readiness.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");

    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();

    // Stop when the parent closes our stdin (so we never outlive the test run).
    Thread stdinWatcher = new Thread(() -> {
      try (InputStream in = System.in) {
        byte[] buf = new byte[256];
        while (in.read(buf) >= 0) {
          // ignore input
        }
      } catch (IOException ignored) {
        // treat as closed
      }
      shutdown.run();
    }, "neo4j-launcher-stdin");
    stdinWatcher.setDaemon(true);
    stdinWatcher.start();

    done.await();
    System.exit(0);
  }
}
