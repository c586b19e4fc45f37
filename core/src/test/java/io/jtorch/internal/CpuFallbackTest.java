package io.jtorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CUDA build ({@code mvn -Pgpu}) on a machine without the CUDA libraries runs on the CPU build
 * it carries, with one warning. Without a GPU build at hand, the test puts a stand-in for the
 * presets' {@code linux-x86_64-gpu} folder on the classpath of a fresh JVM: a
 * {@code libjnitorch.so} that is not a library at all, which fails the JVM if anything loads it.
 */
class CpuFallbackTest {
    @TempDir
    Path dir;

    @Test
    void theChoiceFollowsThePropertyAndTheClasspath() {
        assertEquals(Native.Fallback.CPU, Native.Fallback.decide(null, true));
        assertEquals(Native.Fallback.CPU, Native.Fallback.decide("true", true));
        assertEquals(Native.Fallback.REFUSED, Native.Fallback.decide("false", true));
        assertEquals(Native.Fallback.REFUSED, Native.Fallback.decide(" FALSE ", false));
        assertEquals(Native.Fallback.NO_CPU_BUILD, Native.Fallback.decide(null, false));
        // This build is the CPU one: its natives are on the classpath, the fallback's target.
        assertTrue(Native.hasCpuBuild());
        assertTrue(Native.nativeFolder().endsWith("/" + Loader.getPlatform() + "/"), Native.nativeFolder());
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String... jvmOptions) throws Exception {
        Path gpu = dir.resolve("classes/org/bytedeco/pytorch/linux-x86_64-gpu");
        Files.createDirectories(gpu);
        Files.write(gpu.resolve("libjnitorch.so"), new byte[] {'n', 'o', 't', ' ', 'E', 'L', 'F'});
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", dir.resolve("classes") + File.pathSeparator + System.getProperty("java.class.path"),
                CpuFallbackMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
        // The JVM itself may announce JAVA_TOOL_OPTIONS; that is the environment's, not jtorch's output.
        String err = Files.readString(dir.resolve("err")).lines().filter(l -> !l.startsWith("Picked up "))
                .map(l -> l + "\n").reduce("", String::concat);
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), err);
    }

    @Test
    void withoutTheCudaLibrariesTheCpuBuildRunsAfterOneWarning() throws Exception {
        assumeFalse(CudaLibraries.missing().isEmpty(), "this machine has the CUDA 13 libraries: the CUDA build would be loaded");
        Run r = run();
        assertEquals(0, r.exit(), r.err());
        assertEquals("sum 3.0 cuda false\n", r.out());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("WARNING:")).toList();
        assertEquals(1, warnings.size(), r.err());
        String w = warnings.get(0);
        assertTrue(w.startsWith("WARNING: the CUDA build of libtorch (mvn -Pgpu) needs CUDA 13 libraries this machine lacks: "), w);
        assertTrue(w.contains(String.join(", ", CudaLibraries.missing())), w);
        assertTrue(w.endsWith(": running on the CPU build instead, CUDA devices are unavailable (-Djtorch.cpuFallback=false makes this an error)"), w);
        // java.util.logging's default format: the record's source line, then the message; nothing else.
        assertEquals(2, r.err().lines().count(), r.err());
    }

    @Test
    void theFallbackCanBeRefused() throws Exception {
        assumeFalse(CudaLibraries.missing().isEmpty(), "this machine has the CUDA 13 libraries: the CUDA build would be loaded");
        Run r = run("-Djtorch.cpuFallback=false");
        assertNotEquals(0, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("IllegalStateException: the CUDA build of libtorch (mvn -Pgpu) needs CUDA 13 libraries this machine lacks: "), r.err());
        assertTrue(r.err().contains("-Djtorch.cpuFallback=false forbids running on the CPU instead"), r.err());
    }
}
