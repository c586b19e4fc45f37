package io.jtorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Torch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NativeEnvTest {
    @Test
    void passiveUnlessTheUserChose() {
        assertEquals("PASSIVE", NativeEnv.waitPolicyToSet(Map.of(), null));
        assertEquals("ACTIVE", NativeEnv.waitPolicyToSet(Map.of(), "active"));
        assertEquals("PASSIVE", NativeEnv.waitPolicyToSet(Map.of(), " Passive "));
        assertNull(NativeEnv.waitPolicyToSet(Map.of(), "unset"));
        assertNull(NativeEnv.waitPolicyToSet(Map.of("OMP_WAIT_POLICY", "ACTIVE"), null));
        assertNull(NativeEnv.waitPolicyToSet(Map.of("GOMP_SPINCOUNT", "10000"), "passive"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeEnv.waitPolicyToSet(Map.of(), "sleepy"));
        assertTrue(e.getMessage().contains("jtorch.ompWaitPolicy"), e.getMessage());
    }

    @Test
    void hugePagesOnLinuxUnlessTheUserChose() {
        assertEquals("1", NativeEnv.hugePagesToSet(Map.of(), null, true));
        assertEquals("1", NativeEnv.hugePagesToSet(Map.of(), " TRUE ", true));
        assertNull(NativeEnv.hugePagesToSet(Map.of(), "false", true));
        assertNull(NativeEnv.hugePagesToSet(Map.of(), null, false));
        assertNull(NativeEnv.hugePagesToSet(Map.of("THP_MEM_ALLOC_ENABLE", "0"), null, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeEnv.hugePagesToSet(Map.of(), "maybe", true));
        assertTrue(e.getMessage().contains("jtorch.hugePages"), e.getMessage());
    }

    /** libtorch read the variable: it page-aligns every tensor of 2 MB or more (64 bytes otherwise) and advises huge pages for it. */
    @Test
    void largeTensorsAreAllocatedForHugePages() {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        Assumptions.assumeTrue(System.getenv("THP_MEM_ALLOC_ENABLE") == null && !"false".equals(System.getProperty(NativeEnv.HUGE_PAGES_PROPERTY)),
                "the environment or the property chooses");
        Torch.getNumThreads();
        org.bytedeco.pytorch.StringOptional v = org.bytedeco.pytorch.global.torch.get_env("THP_MEM_ALLOC_ENABLE");
        assertTrue(v.has_value());
        assertEquals("1", v.get().getString());
        List<Long> offsets = new ArrayList<>();
        List<io.jtorch.Tensor> keep = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            io.jtorch.Tensor big = Torch.zeros(3 << 18); // 3 MB of float32
            keep.add(big);
            offsets.add(big.raw().data_ptr().address() % 4096);
        }
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), offsets, "page offsets of 3 MB tensors");
        assertEquals(0.0, keep.get(5).sum().item());
    }

    @Test
    void thePolicyIsInTheEnvironmentLibtorchReads() {
        Assumptions.assumeTrue(System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null,
                "the environment chooses the policy");
        Torch.getNumThreads();
        org.bytedeco.pytorch.StringOptional v = org.bytedeco.pytorch.global.torch.get_env("OMP_WAIT_POLICY");
        assertTrue(v.has_value());
        assertEquals(System.getProperty(NativeEnv.PROPERTY, "PASSIVE").toUpperCase(java.util.Locale.ROOT), v.get().getString());
    }

    /** The policy reaches OpenMP: under ACTIVE a team thread stays runnable while the process idles, under the default it sleeps. */
    @Test
    void openMpTeamThreadsSleepWhenIdle() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two cores for a team of two");
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "reads /proc");
        Assumptions.assumeTrue(System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null,
                "the environment chooses the policy");
        long passive = busyLooks(null);
        long active = busyLooks("ACTIVE");
        assertTrue(passive <= 10, "a passive team should sleep while idle, but a thread was runnable in " + passive + " of 25 looks");
        assertTrue(active >= 20, "an active team spins while idle, so the property did not reach OpenMP: runnable in " + active
                + " of 25 looks (passive: " + passive + ")");
    }

    private static long busyLooks(String policy) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        if (policy != null) {
            cmd.add("-D" + NativeEnv.PROPERTY + "=" + policy);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SpinProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // A child started with the inherited environment gets this JVM's OMP_WAIT_POLICY, set when libtorch loaded here.
        pb.environment().remove("OMP_WAIT_POLICY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue(), out);
        for (String line : out.split("\n")) {
            if (line.startsWith("busy_looks ")) {
                return Long.parseLong(line.substring("busy_looks ".length()).trim());
            }
        }
        throw new AssertionError("no busy_looks line in: " + out);
    }
}
