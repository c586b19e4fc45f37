package io.jtorch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders tensors the way PyTorch prints them, summarising large ones with "...". */
final class TensorFormat {
    private static final int SUMMARIZE_ABOVE = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String PREFIX = "tensor(";

    private TensorFormat() {}

    static String format(Tensor t) {
        long[] shape = t.shape();
        DType dtype = t.dtype();
        Device device = t.device();
        StringBuilder out = new StringBuilder(PREFIX);
        if (device.type() == Device.Type.META) {
            out.append("...");
        } else {
            boolean summarize = t.numel() > SUMMARIZE_ABOVE;
            Tensor host = t.detach();
            double[] values = summarize ? null : host.toDoubleArray();
            Formatter f = new Formatter(dtype, summarize ? edgeValues(host) : values);
            if (shape.length == 0) {
                out.append(f.format(values[0]));
            } else if (t.numel() == 0) {
                out.append("[]");
            } else {
                render(out, host, values, shape, 0, 0, summarize, f);
            }
        }
        if (t.numel() == 0 && shape.length != 1) {
            out.append(", size=(").append(joinShape(shape)).append(')');
        }
        if (device.type() != Device.Type.CPU) {
            out.append(", device='").append(device).append('\'');
        }
        if (dtype != DType.FLOAT32 && dtype != DType.INT64 && dtype != DType.BOOL) {
            out.append(", dtype=").append(dtype);
        }
        if (t.requiresGrad()) {
            org.bytedeco.pytorch.Node fn = t.raw().grad_fn();
            if (fn != null && !fn.isNull()) {
                out.append(", grad_fn=<").append(fn.name().getString()).append('>');
            } else {
                out.append(", requires_grad=True");
            }
        }
        return out.append(')').toString();
    }

    private static String joinShape(long[] shape) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return shape.length == 1 ? s + "," : s.toString();
    }

    /** Renders the sub-tensor starting at flat {@code offset} with dimensions {@code shape[depth..]}. */
    private static void render(StringBuilder out, Tensor host, double[] values, long[] shape, int depth, long offset,
                               boolean summarize, Formatter f) {
        long n = shape[depth];
        long stride = 1;
        for (int d = depth + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        List<Long> indices = new ArrayList<>();
        boolean elided = summarize && n > 2 * EDGE_ITEMS;
        for (long i = 0; i < n; i++) {
            if (!elided || i < EDGE_ITEMS || i >= n - EDGE_ITEMS) {
                indices.add(i);
            }
        }
        out.append('[');
        String indent = " ".repeat(PREFIX.length() + depth + 1);
        String newlines = "\n".repeat(Math.max(1, shape.length - depth - 1));
        for (int k = 0; k < indices.size(); k++) {
            long i = indices.get(k);
            if (k > 0) {
                out.append(depth == shape.length - 1 ? ", " : "," + newlines + indent);
            }
            if (elided && k == EDGE_ITEMS) {
                out.append("...");
                out.append(depth == shape.length - 1 ? ", " : "," + newlines + indent);
            }
            if (depth == shape.length - 1) {
                double v = values != null ? values[(int) (offset + i)] : element(host, shape, offset + i);
                out.append(f.format(v));
            } else {
                render(out, host, values, shape, depth + 1, offset + i * stride, summarize, f);
            }
        }
        out.append(']');
    }

    private static double element(Tensor host, long[] shape, long flatIndex) {
        Tensor t = host.reshape(-1).get(flatIndex);
        return t.item();
    }

    /** The values a summarised print shows, to choose a common format. */
    private static double[] edgeValues(Tensor host) {
        Tensor flat = host.reshape(-1);
        long n = flat.numel();
        int k = (int) Math.min(n, 2L * EDGE_ITEMS * 10);
        double[] head = flat.narrow(0, 0, k / 2).toDoubleArray();
        double[] tail = flat.narrow(0, n - k / 2, k / 2).toDoubleArray();
        double[] all = new double[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** One number format for all elements, chosen like PyTorch's: integers, fixed 4 decimals, or scientific. */
    private static final class Formatter {
        private final DType dtype;
        private final boolean integral;
        private final boolean scientific;
        private final int width;

        Formatter(DType dtype, double[] sample) {
            this.dtype = dtype;
            boolean allInts = true;
            double maxAbs = 0;
            double minAbs = Double.MAX_VALUE;
            for (double v : sample) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                allInts &= v == Math.rint(v);
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            this.integral = allInts;
            this.scientific = dtype.isFloatingPoint() && !allInts
                    && (maxAbs >= 1e8 || (minAbs != Double.MAX_VALUE && (minAbs < 1e-4 || maxAbs / minAbs > 1000)));
            int w = 0;
            for (double v : sample) {
                w = Math.max(w, raw(v).length());
            }
            this.width = w;
        }

        private String raw(double v) {
            if (dtype == DType.BOOL) {
                return v != 0 ? "True" : "False";
            }
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (!dtype.isFloatingPoint()) {
                return Long.toString((long) v);
            }
            if (integral) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return scientific ? String.format(Locale.ROOT, "%.4e", v) : String.format(Locale.ROOT, "%.4f", v);
        }

        String format(double v) {
            String s = raw(v);
            return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
        }
    }
}
