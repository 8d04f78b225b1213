package exemplars.searchnode;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node on 127.0.0.1 (HTTP port from SEARCH_NODE_PORT, default 9200).
 * Its data lives in SEARCH_NODE_DATA when set (kept, so a stopped node comes back with
 * its indices, as a real one does), else in a temporary folder deleted when the JVM stops.
 *
 * <p>A node normally loads its modules (the netty4 HTTP transport, analysis-common) from a
 * distribution's modules folder; Node's protected constructor takes them from the
 * classpath instead, which is what Maven gives us. OpenSearch's test framework does the
 * same in MockNode but needs a randomized-testing context, so it is not used.
 */
public final class SearchNode extends Node {
    private SearchNode(Settings settings) {
        super(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "searchnode"),
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class),
                false);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("SEARCH_NODE_PORT", "9200"));
        String given = System.getenv("SEARCH_NODE_DATA");
        boolean temporary = given == null || given.isEmpty();
        Path home = temporary ? Files.createTempDirectory("exemplars-searchnode-") : Path.of(given);
        Files.createDirectories(home);
        Settings settings = Settings.builder()
                .put("cluster.name", "exemplars-test")
                .put("node.name", "exemplars-test-node")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                // A port range, so a transport port left busy never stops the node.
                .put("transport.port", (port + 100) + "-" + (port + 200))
                .put("discovery.type", "single-node")
                // A CI disk over 85 % full (the default watermark) must not leave shards unassigned.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
        // Console logging at WARN: the launcher's output is the node's health, not its chatter.
        LogConfigurator.configureWithoutConfig(
                Settings.builder().put(settings).put("logger.level", "WARN").build());

        Node node;
        try {
            node = new SearchNode(settings);
        } catch (RuntimeException e) {
            if (temporary) {
                deleteTree(home);
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                if (temporary) {
                    deleteTree(home);
                }
                stopped.countDown();
            }
        }, "searchnode-shutdown"));
        node.start();
        System.out.println("search node started on http://127.0.0.1:" + port + " (data in " + home + ")");
        stopped.await();
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
