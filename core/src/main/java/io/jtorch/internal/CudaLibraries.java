package io.jtorch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The CUDA libraries that the CUDA build of the presets ({@code mvn -Pgpu}) links against, and
 * which of them this machine lacks. The presets' jars that would bundle them ("redist") are not
 * published for CUDA 13.1, so they come from the system; when one is missing, libtorch fails to
 * load, and on machines that also have a distribution's libtorch the JVM can crash instead.
 */
final class CudaLibraries {
    /** What libtorch_cuda and the presets' JNI libraries of the CUDA build need, by soname. */
    static final List<String> NEEDED = List.of("libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcudnn.so.9",
            "libcusparse.so.12", "libcufft.so.12", "libcurand.so.10", "libcupti.so.13", "libcufile.so.0", "libnccl.so.2");

    /** Where the presets themselves look (their preload paths), besides LD_LIBRARY_PATH and the ldconfig cache. */
    private static final List<String> DIRS = List.of("/usr/local/cuda-13.1/lib64", "/usr/local/cuda-13.1/extras/CUPTI/lib64",
            "/usr/local/cuda/lib64", "/usr/local/cuda/extras/CUPTI/lib64", "/usr/lib64", "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu");

    private CudaLibraries() {}

    /** The needed libraries found nowhere, in the order of {@link #NEEDED}; empty when all are there. */
    static List<String> missing() {
        Set<String> found = new LinkedHashSet<>(ldconfigCache());
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(":")));
        }
        dirs.addAll(DIRS);
        List<String> missing = new ArrayList<>();
        for (String lib : NEEDED) {
            if (found.contains(lib)) {
                continue;
            }
            boolean inDir = false;
            for (String d : dirs) {
                if (!d.isEmpty() && Files.exists(Path.of(d, lib))) {
                    inDir = true;
                    break;
                }
            }
            if (!inDir) {
                missing.add(lib);
            }
        }
        return missing;
    }

    /** The sonames in the dynamic linker's cache ({@code ldconfig -p}), or none when it cannot be read. */
    private static List<String> ldconfigCache() {
        List<String> names = new ArrayList<>();
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig")) {
            try {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    continue;
                }
                for (String line : out.split("\n")) {
                    String t = line.strip();
                    int space = t.indexOf(' ');
                    if (space > 0 && t.contains("=>")) {
                        names.add(t.substring(0, space));
                    }
                }
                return names;
            } catch (IOException e) {
                // try the next location
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return names;
            }
        }
        return names;
    }
}
