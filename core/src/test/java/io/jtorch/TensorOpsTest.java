package io.jtorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tensor and Torch ops give PyTorch's values, shapes and dtypes: each case runs one op on the
 * inputs of tools/fixtures/tensor_fixtures.py and compares with what PyTorch 1.13 returned.
 */
class TensorOpsTest {
    private static final JsonNode FIXTURES = load();
    /** For each split or chunk case, how many pieces PyTorch gave. */
    private static final Map<String, Integer> FIXTURE_COUNTS = new LinkedHashMap<>();
    private static final Map<String, Supplier<Tensor>> CASES = cases();

    static JsonNode load() {
        try (InputStream in = TensorOpsTest.class.getResourceAsStream("/fixtures/tensor.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tensor input(String name) {
        return Fixtures.tensor(FIXTURES.get("inputs").get(name));
    }

    private static Map<String, Supplier<Tensor>> cases() {
        Tensor x = input("x");
        Tensor y = input("y");
        Tensor a = input("a");
        Tensor b = input("b");
        Tensor idx = input("idx");
        Tensor z = input("z");
        Map<String, Supplier<Tensor>> c = new LinkedHashMap<>();
        pair(c, "max_dim1", () -> x.max(1));
        pair(c, "max_dim0_keep", () -> x.max(0, true));
        pair(c, "min_dimm1", () -> Torch.min(x, -1));
        pair(c, "sort_dim1_desc", () -> x.sort(1, true));
        pair(c, "sort", x::sort);
        pair(c, "topk2", () -> x.topk(2));
        pair(c, "topk2_dim0_smallest", () -> x.topk(2, 0, false, true));
        c.put("amax_dim1", () -> x.amax(1));
        c.put("amax_dims01_keep", () -> x.amax(new int[] {0, 1}, true));
        c.put("amin_dim0", () -> x.amin(0));
        c.put("argsort_dim0_desc", () -> x.argsort(0, true));
        c.put("argmin", x::argmin);
        c.put("argmin_dim1", () -> x.argmin(1));
        c.put("norm", x::norm);
        c.put("norm_p1", () -> x.norm(1));
        c.put("norm_inf", () -> x.norm(Double.POSITIVE_INFINITY));
        c.put("norm_p2_dim1_keep", () -> x.norm(2, 1, true));
        c.put("std", x::std);
        c.put("std_biased", () -> x.std(false));
        c.put("std_dim0", () -> x.std(0));
        c.put("var", x::var);
        c.put("var_dim1_biased_keep", () -> x.var(1, false, true));
        c.put("prod", x::prod);
        c.put("prod_dim1", () -> x.prod(1, false));
        c.put("sum_dims01", () -> x.sum(0, 1));
        c.put("sum_dim1_keep", () -> x.sum(1, true));
        c.put("mean_dims10_keep", () -> x.mean(new int[] {1, 0}, true));
        c.put("cumsum_dim1", () -> x.cumsum(1));
        c.put("cumprod_dim0", () -> x.cumprod(0));
        c.put("any", () -> x.gt(2.0).any());
        c.put("all_dim1", () -> x.gt(-3.0).all(1, false));
        c.put("remainder_int", () -> a.remainder(b));
        c.put("remainder_scalar", () -> x.remainder(0.7));
        c.put("remainder_int_scalar", () -> a.remainder(4L));
        c.put("floor_divide_int", () -> a.floorDivide(b));
        c.put("floor_divide_scalar", () -> x.floorDivide(0.3));
        c.put("pow_tensor", () -> x.abs().pow(y));
        c.put("maximum", () -> Torch.maximum(x, y));
        c.put("minimum", () -> x.minimum(y));
        c.put("clamp_min", () -> x.clamp(0.1));
        c.put("clamp_max", () -> x.clampMax(-0.2));
        c.put("clamp_tensors", () -> x.clamp(y.minimum(x), y.maximum(x).mul(0.5)));
        c.put("sign", x::sign);
        c.put("floor", x::floor);
        c.put("ceil", x::ceil);
        c.put("round", x::round);
        c.put("trunc", x::trunc);
        c.put("log1p", () -> x.abs().log1p());
        c.put("expm1", x::expm1);
        c.put("sin", x::sin);
        c.put("cos", x::cos);
        c.put("square", x::square);
        c.put("rsqrt", () -> x.abs().rsqrt());
        c.put("reciprocal", x::reciprocal);
        c.put("exp", () -> Torch.exp(x));
        c.put("sqrt", () -> x.abs().sqrt());
        c.put("round_decimals2", () -> x.round(2));
        c.put("isnan", () -> x.log().isnan());
        c.put("logical_and", () -> x.gt(0.0).logicalAnd(y.gt(0.0)));
        c.put("logical_or", () -> x.gt(0.0).logicalOr(y.gt(0.0)));
        c.put("logical_xor", () -> x.gt(0.0).logicalXor(y.gt(0.0)));
        c.put("logical_not", () -> x.gt(0.0).logicalNot());
        c.put("bitwise_and", () -> a.bitwiseAnd(b));
        c.put("bitwise_or", () -> a.bitwiseOr(b));
        c.put("bitwise_xor", () -> a.bitwiseXor(b));
        c.put("bitwise_not", a::bitwiseNot);
        c.put("where", () -> Torch.where(x.gt(0.0), x, y));
        c.put("where_scalar", () -> x.where(x.gt(0.0), -1.0));
        c.put("nonzero", () -> x.gt(0.5).nonzero());
        c.put("gather_dim1", () -> x.gather(1, idx.narrow(1, 0, 2).remainder(4L)));
        c.put("gather_dim0", () -> x.gather(0, Torch.tensor(new long[] {2, 1, 0, 1}, 1, 4)));
        c.put("scatter_src", () -> Torch.zeros(3, 4).scatter(1, Torch.tensor(new long[] {3, 0, 2}, 3, 1), x.narrow(1, 0, 1)));
        c.put("scatter_value", () -> x.scatter(0, Torch.tensor(new long[] {2, 0, 1, 0}, 1, 4), 9.5));
        c.put("masked_fill", () -> x.maskedFill(x.lt(0.0), -100.0));
        c.put("flatten1", () -> z.flatten(1));
        c.put("squeeze_dims13", () -> z.squeeze(1, 3));
        c.put("expand", () -> z.get(0).expand(4, 3, 3, 2));
        c.put("repeat", () -> a.repeat(2, 1, 2));
        pieces(c, "chunk2_dim1", () -> x.chunk(2, 1));
        pieces(c, "split2_dim0", () -> x.split(2, 0));
        pieces(c, "split13_dim1", () -> x.split(new long[] {1, 3}, 1));
        c.put("cat_dim1", () -> Torch.cat(new Tensor[] {x, y}, 1));
        c.put("stack_dim2", () -> Torch.stack(new Tensor[] {x, y}, 2));
        c.put("arange_2_9_3", () -> Torch.arange(2, 9, 3));
        c.put("linspace", () -> Torch.linspace(-1, 1, 5));
        c.put("full_int", () -> Torch.full(new long[] {2, 2}, 7, DType.INT64));
        c.put("eye_2_3", () -> Torch.eye(2, 3));
        c.put("double", x::double_);
        c.put("long", () -> x.mul(3.0).long_());
        c.put("bool", () -> a.remainder(2L).bool_());
        c.put("half_back", () -> x.half().float_());
        return c;
    }

    private static void pair(Map<String, Supplier<Tensor>> c, String name, Supplier<ValuesIndices> f) {
        c.put(name + ".values", () -> f.get().values());
        c.put(name + ".indices", () -> f.get().indices());
    }

    private static void pieces(Map<String, Supplier<Tensor>> c, String name, Supplier<List<Tensor>> f) {
        int n = 0;
        while (FIXTURES.get("cases").has(name + "." + n)) {
            int i = n++;
            c.put(name + "." + i, () -> f.get().get(i));
        }
        c.put(name + ".count", () -> Torch.tensor((long) f.get().size()));
        FIXTURE_COUNTS.put(name + ".count", n);
    }

    static Stream<String> caseNames() {
        return CASES.keySet().stream().filter(n -> !n.endsWith(".count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void opMatchesPyTorch(String name) {
        JsonNode expected = FIXTURES.get("cases").get(name);
        assertTrue(expected != null, "no fixture for " + name);
        assertTensor(expected, CASES.get(name).get(), name);
    }

    @Test
    void splitAndChunkGiveAsManyPiecesAsPyTorch() {
        for (Map.Entry<String, Integer> e : FIXTURE_COUNTS.entrySet()) {
            assertTrue(e.getValue() > 0, "no fixture pieces for " + e.getKey());
            assertEquals((long) e.getValue(), CASES.get(e.getKey()).get().itemLong(), e.getKey());
        }
    }

    @Test
    void everyFixtureCaseIsChecked() {
        TreeSet<String> missing = new TreeSet<>();
        FIXTURES.get("cases").fieldNames().forEachRemaining(n -> {
            if (!CASES.containsKey(n)) {
                missing.add(n);
            }
        });
        assertEquals(new TreeSet<>(), missing);
    }

    static void assertTensor(JsonNode expected, Tensor actual, String name) {
        long[] shape = new long[expected.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = expected.get("shape").get(i).asLong();
        }
        assertArrayEquals(shape, actual.shape(), name + ": shape");
        assertEquals(expected.get("dtype").asText(), actual.dtype().pythonName(), name + ": dtype");
        double[] got = actual.toDoubleArray();
        JsonNode data = expected.get("data");
        for (int i = 0; i < got.length; i++) {
            double want = data.get(i).asDouble();
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got[i]), name + "[" + i + "]: expected NaN, got " + got[i]);
            } else {
                assertEquals(want, got[i], 2e-6 * Math.max(1, Math.abs(want)), name + "[" + i + "]");
            }
        }
    }
}
