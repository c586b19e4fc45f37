package io.jtorch.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The nesting bound on TorchScript source ({@link ScriptSourceDepth}) and on pickled values
 * ({@link ScriptPickles#checkNesting}): what they measure, and that real models are far inside
 * them. The crashes they prevent are in {@code io.jtorch.jit.TorchScriptFuzzTest}.
 */
class ScriptSourceDepthTest {
    private static int depth(String source) {
        return ScriptSourceDepth.deepest(source)[0];
    }

    @Test
    void depthCountsBlocksBracketsAndOperatorChainsNotFlatLists() {
        assertEquals(1, depth("x = 1\n"));
        assertEquals(2, depth("x = (1)\n"), "the '=' and one bracket");
        assertEquals(1 + 100, depth("x = " + "(".repeat(100) + "1" + ")".repeat(100) + "\n"));
        assertEquals(1 + 300, depth("x = 1" + " + 1".repeat(300) + "\n"));
        assertEquals(2, depth("x = [" + "1, ".repeat(10_000) + "1]\n"), "a flat list of 10,000 elements nests 2 deep");
        assertEquals(3 + 1, depth("if a:\n  if b:\n    if c:\n      x = 1\n  y = 2\n"));
        assertEquals(1, depth("x = 1 # (((((((((((((((\ny = '((((((((((((((('\n"), "comments and strings do not count");
        assertEquals(2, depth("x = f(1)\n"));
        assertEquals(3, depth("x = f(1)(2)\n"), "a call of a call's result nests");
    }

    @Test
    void theCodeOfRealModelsNestsFarLessThanTheLimit() throws Exception {
        for (String model : new String[] {"resnet.pt", "vit.pt", "mobilenet.pt", "vgg.pt", "sequential.pt"}) {
            Path file = Path.of(getClass().getResource("/fixtures/jit/" + model).toURI());
            int deepest = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (e.getName().contains("/code/") && e.getName().endsWith(".py")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            deepest = Math.max(deepest, depth(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
            assertTrue(deepest > 0 && deepest < ScriptSourceDepth.MAX_DEPTH / 8, model + " nests " + deepest + " deep");
        }
    }

    @Test
    void codeOverTheLimitIsRefusedNamingTheEntryAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptSourceDepth.check("m.pt", "m/code/x.py",
                "class A(Module):\n  def forward(self):\n    x = " + "(".repeat(400) + "1" + ")".repeat(400) + "\n"));
        assertTrue(e.getMessage().startsWith("m.pt holds code nested more than ") && e.getMessage().contains("m/code/x.py, line 3"),
                e.getMessage());
        ScriptSourceDepth.check("m.pt", "m/code/x.py", "x = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n");
    }

    @Test
    void valuesNestedTooDeepOrContainingThemselvesAreRefused() {
        java.util.List<Object> root = new java.util.ArrayList<>();
        java.util.List<Object> inner = root;
        for (int i = 1; i < ScriptPickles.MAX_NESTING; i++) {
            java.util.List<Object> next = new java.util.ArrayList<>();
            inner.add(next);
            inner = next;
        }
        ScriptPickles.checkNesting(root, "data.pkl");
        inner.add(new java.util.ArrayList<>());
        Malformed deep = assertThrows(Malformed.class, () -> ScriptPickles.checkNesting(root, "data.pkl"));
        assertTrue(deep.getMessage().contains("nested more than 1000 deep"), deep.getMessage());
        java.util.Map<Object, Object> self = new java.util.LinkedHashMap<>();
        self.put("self", java.util.List.of(1, 2));
        ScriptPickles.checkNesting(self, "data.pkl");
        java.util.List<Object> cycle = new java.util.ArrayList<>();
        self.put("loop", cycle);
        cycle.add(self);
        Malformed loop = assertThrows(Malformed.class, () -> ScriptPickles.checkNesting(self, "data.pkl"));
        assertTrue(loop.getMessage().contains("contains itself"), loop.getMessage());
    }

    @Test
    void sharedValuesAreWalkedOnceSoADiamondChainIsLinear() {
        // 60 levels of [x, x]: 2^60 paths through one value each level, walked once each.
        Object v = 1L;
        for (int i = 0; i < 60; i++) {
            v = java.util.List.of(v, v);
        }
        long start = System.nanoTime();
        ScriptPickles.checkNesting(v, "data.pkl");
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) / 1e6 + " ms");
    }
}
