package io.jtorch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jtorch finetune --nproc: the launcher, its workers, and the checks made before any worker starts. */
class DistributedCliTest {
    @TempDir
    Path dir;

    @Test
    void twoWorkersTrainAndOnlyRankZeroReportsAndWrites() throws IOException {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("finetune", "--nproc", "2", "--per-class", "4", "--epochs", "1", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("distributed: 2 processes over gloo; each step's 16 images split 8 per process"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("phase ")).count(), "one summary table:\n" + r.out());
        assertTrue(r.out().contains(Finetune.HEAD_ONLY) && r.out().contains(Finetune.SCRATCH), r.out());
        assertFalse(r.out().contains("[rank 1]"), "rank 1 prints nothing:\n" + r.out());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(3, metrics.get("phases").size());
        for (JsonNode phase : metrics.get("phases")) {
            assertEquals(1, phase.get("epochs").size(), phase.toString());
        }
        assertTrue(Files.exists(out.resolve("finetuned.pt")));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no staging folder left by any rank");
        }
    }

    @Test
    void aBatchThatDoesNotSplitEvenlyIsRefusedBeforeLaunching() {
        CliTest.Run r = CliTest.run("finetune", "--nproc", "3", "--batch-size", "16", "--out", dir.resolve("o").toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("jtorch: --batch-size 16 does not split evenly over 3 processes", r.err().trim());
    }

    @Test
    void severalMachinesNeedTheMasterAddress() {
        CliTest.Run r = CliTest.run("finetune", "--nnodes", "2", "--out", dir.resolve("o").toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("jtorch: --nnodes 2 needs --master-addr, the address of machine 0", r.err().trim());
        CliTest.Run rank = CliTest.run("finetune", "--nnodes", "2", "--node-rank", "2", "--master-addr", "h", "--out", dir.resolve("o").toString());
        assertEquals("jtorch: --node-rank must be in 0..1, got 2", rank.err().trim());
    }

    @Test
    void anUnresolvableMasterAddressIsOneLineAtOnce() {
        long start = System.nanoTime();
        CliTest.Run r = CliTest.run("finetune", "--nnodes", "2", "--master-addr", "no-such-host.invalid", "--out",
                dir.resolve("o").toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("jtorch: --master-addr no-such-host.invalid: no such host (it does not resolve to an address)", r.err().trim());
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "refused before any rendezvous is tried");
    }

    @Test
    void aFileRendezvousTravelsAsJtorchInitMethod() {
        WorkerEnv w = new WorkerEnv(1, 1, 2, 2, "file:///tmp/r/store", false);
        Map<String, String> env = w.toEnv();
        assertEquals("1", env.get("RANK"));
        assertEquals("2", env.get("WORLD_SIZE"));
        assertEquals("file:///tmp/r/store", env.get("JTORCH_INIT_METHOD"));
        assertNull(env.get("MASTER_ADDR"));
        assertEquals(w, WorkerEnv.from(env));
    }

    @Test
    void aTcpRendezvousTravelsAsMasterAddrAndPort() {
        WorkerEnv w = new WorkerEnv(3, 1, 4, 2, "tcp://node0:29500", true);
        Map<String, String> env = w.toEnv();
        assertEquals("node0", env.get("MASTER_ADDR"));
        assertEquals("29500", env.get("MASTER_PORT"));
        assertEquals("1", env.get("LOCAL_RANK"));
        assertEquals(w, WorkerEnv.from(env));
    }

    @Test
    void aProcessWithoutRankIsNotAWorker() {
        assertNull(WorkerEnv.from(Map.of("WORLD_SIZE", "2")));
    }
}
