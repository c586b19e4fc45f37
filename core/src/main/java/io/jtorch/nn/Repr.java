package io.jtorch.nn;

/** Python's spelling of values in module printing and TorchScript source ({@code True}, {@code 1e-05}, {@code (3,)}). */
final class Repr {
    private Repr() {}

    /** {@code True} or {@code False}. */
    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** A float as Python's {@code repr} writes it: {@code 1.0}, {@code 0.01}, {@code 1e-05}, {@code inf}. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exp = Integer.parseInt(s.substring(e + 1));
        if (exp >= -4 && exp < 16) {
            String plain = new java.math.BigDecimal(v).round(java.math.MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** A Python tuple of longs: {@code (3,)}, {@code (2, 3)}. */
    static String tuple(long[] v) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return s.append(v.length == 1 ? ",)" : ")").toString();
    }

    /** A TorchScript list of longs: {@code [1, 1]}. */
    static String list(long[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return s.append(']').toString();
    }
}
