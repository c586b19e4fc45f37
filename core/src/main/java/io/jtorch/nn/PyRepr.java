package io.jtorch.nn;

import java.math.BigDecimal;

/** Python's {@code repr} of the values modules print: floats ({@code 1e-05}, {@code 0.1}) and tuples ({@code (768,)}). */
final class PyRepr {
    private PyRepr() {}

    /** {@code repr(float(v))}: the shortest digits, in exponent form below 1e-4 and from 1e16. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - d.scale() - 1;
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = d.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** {@code repr(tuple(values))}: {@code (768,)}, {@code (2, 3)}. */
    static String tuple(long[] values) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** {@code True} or {@code False}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** A TorchScript list literal, {@code [768]}. */
    static String list(long[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.append(']').toString();
    }
}
