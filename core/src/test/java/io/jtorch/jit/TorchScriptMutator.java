package io.jtorch.jit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Structure-aware mutations of valid TorchScript files (tools/fixtures/hostile_fuzz_seeds.py):
 * each case takes one seed and changes one thing at one level of the format: the zip records
 * ({@link ZipMutations}), a pickle's opcodes ({@link PickleMutations}) or the code
 * ({@link CodeMutations}). A case is a pure function of (seed, index): the kind is
 * {@code KINDS[index % KINDS.size()]}, so that any run of {@code KINDS.size()} cases covers
 * every kind, and everything else comes from {@code new Random(seed * 1_000_003 + index)}.
 */
final class TorchScriptMutator {
    /** What loading the case must end in: loading and the seed's output, a refusal, or either. */
    enum Expect { LOAD, REFUSE, EITHER }

    /** A valid file to mutate: its entries in order, the input shape and Python's output. */
    record Seed(String name, List<FuzzZip.Entry> entries, long[] input, float[] output) {}

    /** One generated file. */
    record Case(int index, String kind, String seed, String detail, byte[] bytes, Expect expect, long[] input, float[] output) {}

    /** One kind of mutation: changes {@code zip} (a copy of the seed's entries), says what it did and what to expect. */
    interface Mutation {
        Expect apply(FuzzZip zip, Seed seed, Random random, StringBuilder detail);
    }

    static final List<String> KINDS = new ArrayList<>();
    private static final List<Mutation> MUTATIONS = new ArrayList<>();
    private static final List<Seed> SEEDS = seeds();

    static {
        ZipMutations.register();
        PickleMutations.register();
        CodeMutations.register();
    }

    private TorchScriptMutator() {}

    static void add(String kind, Mutation m) {
        KINDS.add(kind);
        MUTATIONS.add(m);
    }

    static List<Seed> seedList() {
        return SEEDS;
    }

    /** The case (seed, index). */
    static Case make(long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        int k = Math.floorMod(index, KINDS.size());
        Seed s = SEEDS.get(random.nextInt(SEEDS.size()));
        FuzzZip zip = new FuzzZip();
        for (FuzzZip.Entry e : s.entries) {
            zip.entries.add(e.copy());
        }
        StringBuilder detail = new StringBuilder();
        Expect expect = MUTATIONS.get(k).apply(zip, s, random, detail);
        return new Case(index, KINDS.get(k), s.name, detail.toString(), zip.write(), expect, s.input, s.output);
    }

    private static List<Seed> seeds() {
        try (InputStream in = TorchScriptMutator.class.getResourceAsStream("/fixtures/fuzz/seeds.json")) {
            JsonNode all = new ObjectMapper().readTree(in);
            List<Seed> out = new ArrayList<>();
            for (java.util.Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode node = all.get(name);
                long[] input = new long[node.get("input").size()];
                for (int i = 0; i < input.length; i++) {
                    input[i] = node.get("input").get(i).asLong();
                }
                float[] output = new float[node.get("output").size()];
                for (int i = 0; i < output.length; i++) {
                    output[i] = (float) node.get("output").get(i).asDouble();
                }
                out.add(new Seed(name, entries(name), input, output));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<FuzzZip.Entry> entries(String name) throws IOException {
        // PyTorch writes stored entries with data descriptors, which ZipInputStream does not read: read the central directory.
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("jtorch-fuzz-seed-", ".pt");
        try (InputStream in = TorchScriptMutator.class.getResourceAsStream("/fixtures/fuzz/" + name)) {
            java.nio.file.Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<FuzzZip.Entry> out = new ArrayList<>();
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (InputStream data = zip.getInputStream(e)) {
                        out.add(new FuzzZip.Entry(e.getName(), data.readAllBytes()));
                    }
                }
            }
            return out;
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
    }

    // ---------------------------------------------------------------- helpers for the mutations

    /** The index of a random entry whose name (below the folder) satisfies {@code filter}, or -1. */
    static int pick(FuzzZip zip, Random random, java.util.function.Predicate<String> filter) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < zip.entries.size(); i++) {
            String name = zip.entries.get(i).name;
            if (filter.test(name.substring(name.indexOf('/') + 1))) {
                found.add(i);
            }
        }
        return found.isEmpty() ? -1 : found.get(random.nextInt(found.size()));
    }

    static int find(FuzzZip zip, String rel) {
        return pick(zip, new Random(0), rel::equals);
    }

    static String text(FuzzZip.Entry e) {
        return new String(e.data, StandardCharsets.UTF_8);
    }

    /** A random int from {@code values}. */
    static long oneOf(Random random, long... values) {
        return values[random.nextInt(values.length)];
    }

    /** log-uniform in [lo, hi]. */
    static int logUniform(Random random, int lo, int hi) {
        double l = Math.log(lo);
        return (int) Math.min(hi, Math.round(Math.exp(l + random.nextDouble() * (Math.log(hi) - l))));
    }
}
