package io.jtorch.jit;

import static io.jtorch.jit.TorchScriptMutator.add;
import static io.jtorch.jit.TorchScriptMutator.oneOf;
import static io.jtorch.jit.TorchScriptMutator.pick;

import io.jtorch.jit.TorchScriptMutator.Expect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Zip-level mutations: the same entries written in ways every zip reader reads alike (deflated,
 * with data descriptors, zip64 fields, records in another order: these must load and compute
 * what Python computed), and in the ways zip readers disagree on (duplicate names, names that
 * differ in case, local headers unlike the central directory, overlapping entries, entries past
 * the end, bytes outside every entry, huge declared sizes: these must be refused).
 */
final class ZipMutations {
    private ZipMutations() {}

    private static FuzzZip.Entry any(FuzzZip zip, Random r) {
        return zip.entries.get(r.nextInt(zip.entries.size()));
    }

    static void register() {
        add("zip.deflate", (zip, seed, r, d) -> {
            for (FuzzZip.Entry e : zip.entries) {
                e.deflate = r.nextBoolean();
            }
            any(zip, r).deflate = true;
            return Expect.LOAD;
        });
        add("zip.descriptor", (zip, seed, r, d) -> {
            for (FuzzZip.Entry e : zip.entries) {
                e.descriptor = r.nextBoolean();
                e.deflate = e.descriptor && r.nextBoolean();
                e.descriptorSignature = r.nextBoolean();
            }
            any(zip, r).descriptor = true;
            return Expect.LOAD;
        });
        add("zip.zip64-fields", (zip, seed, r, d) -> {
            for (FuzzZip.Entry e : zip.entries) {
                e.zip64 = r.nextInt(3) == 0;
            }
            any(zip, r).zip64 = true;
            return Expect.LOAD;
        });
        add("zip.record-order", (zip, seed, r, d) -> {
            int n = zip.entries.size();
            if (r.nextBoolean()) {
                Collections.shuffle(zip.entries, r);
                d.append("local order shuffled");
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, r);
            zip.centralOrder = order.stream().mapToInt(Integer::intValue).toArray();
            return Expect.LOAD;
        });
        add("zip.comment", (zip, seed, r, d) -> {
            zip.comment = new byte[1 + r.nextInt(200)];
            for (int i = 0; i < zip.comment.length; i++) {
                zip.comment[i] = (byte) (' ' + r.nextInt(90));
            }
            return Expect.LOAD;
        });
        add("zip.duplicate-name", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r).copy();
            if (r.nextBoolean() && e.data.length > 0) {
                e.data = e.data.clone();
                e.data[r.nextInt(e.data.length)] ^= 1;
            }
            zip.entries.add(r.nextInt(zip.entries.size() + 1), e);
            d.append(e.name);
            return Expect.REFUSE;
        });
        add("zip.case-collision", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r).copy();
            e.name = e.name.toUpperCase(Locale.ROOT);
            zip.entries.add(r.nextInt(zip.entries.size() + 1), e);
            d.append(e.name);
            return Expect.REFUSE;
        });
        add("zip.case-rename", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            int slash = e.name.indexOf('/');
            e.name = e.name.substring(0, slash + 1) + e.name.substring(slash + 1).toUpperCase(Locale.ROOT);
            d.append(e.name);
            return Expect.EITHER;
        });
        add("zip.name-mismatch", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            String other = e.name.substring(0, e.name.length() - 1) + (char) ('a' + r.nextInt(26));
            if (other.equals(e.name)) {
                other = e.name + "x";
            }
            if (r.nextBoolean()) {
                e.localName = other;
            } else {
                e.centralName = other;
            }
            d.append(e.name).append(" vs ").append(other);
            return Expect.REFUSE;
        });
        add("zip.size-mismatch", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            e.deflate = r.nextBoolean();
            long wrong = Math.max(0, e.data.length + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(64)));
            if (wrong == e.data.length) {
                wrong++;
            }
            int where = r.nextInt(3);
            if (where != 1) {
                e.centralSize = wrong;
                e.centralCsize = e.deflate ? null : wrong;
            }
            if (where != 0) {
                e.localSize = wrong;
                e.localCsize = e.deflate ? null : wrong;
            }
            d.append(e.name).append(" size ").append(wrong).append(where == 0 ? " central" : where == 1 ? " local" : " both");
            return Expect.REFUSE;
        });
        add("zip.crc-mismatch", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            long wrong = r.nextInt() & 0xffffffffL;
            int where = r.nextInt(3);
            e.centralCrc = where != 1 ? wrong : null;
            e.localCrc = where != 0 ? wrong : null;
            d.append(e.name).append(where == 0 ? " central" : where == 1 ? " local" : " both");
            return Expect.REFUSE;
        });
        add("zip.method", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            e.deflate = r.nextBoolean();
            int other = (int) oneOf(r, 1, 6, 9, 12, 14, 93, 95, 98, 99, e.deflate ? 0 : 8);
            int where = r.nextInt(3);
            e.centralMethod = where != 1 ? other : null;
            e.localMethod = where != 0 ? other : null;
            d.append(e.name).append(" method ").append(other);
            return Expect.REFUSE;
        });
        add("zip.encrypted", (zip, seed, r, d) -> {
            any(zip, r).flags |= 1;
            return Expect.REFUSE;
        });
        add("zip.overlap", (zip, seed, r, d) -> {
            zip.overlap = r.nextInt(zip.entries.size() - 1);
            return Expect.REFUSE;
        });
        add("zip.beyond-end", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            if (r.nextBoolean()) {
                e.centralOffset = oneOf(r, 1L << 20, 0xfffffff0L, 1L << 31);
            } else {
                e.centralCsize = e.centralSize = e.localCsize = e.localSize = oneOf(r, 1L << 20, 1L << 31);
            }
            d.append(e.name);
            return Expect.REFUSE;
        });
        add("zip.huge-size", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            e.deflate = r.nextBoolean();
            long size = oneOf(r, 0xfffffffeL, 1L << 40, 1L << 62, Long.MAX_VALUE, -1, Long.MIN_VALUE);
            if (size >= 0 && size < 0xffffffffL && r.nextBoolean()) {
                e.centralSize = e.localSize = size;
            } else {
                e.zip64 = true;
                e.zip64Size = size;
            }
            d.append(e.name).append(" declares ").append(size);
            return Expect.REFUSE;
        });
        add("zip.bad-descriptor", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r);
            e.descriptor = true;
            e.deflate = r.nextBoolean();
            e.descriptorCrc = (long) r.nextInt();
            return Expect.REFUSE;
        });
        add("zip.outside-bytes", (zip, seed, r, d) -> {
            byte[] junk = new byte[1 + r.nextInt(100)];
            r.nextBytes(junk);
            int where = r.nextInt(3);
            if (where == 0) {
                zip.prefix = junk;
            } else if (where == 1) {
                any(zip, r).gapAfter = junk;
            } else {
                zip.trailing = junk;
            }
            d.append(junk.length).append(where == 0 ? " before" : where == 1 ? " between" : " after");
            return Expect.REFUSE;
        });
        add("zip.truncated", (zip, seed, r, d) -> {
            zip.truncateAt = r.nextDouble();
            d.append(zip.truncateAt);
            return Expect.REFUSE;
        });
        add("zip.end-record", (zip, seed, r, d) -> {
            int delta = (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(50));
            int which = r.nextInt(3);
            if (which == 0) {
                zip.eocdCount = (long) zip.entries.size() + Integer.signum(delta);
            } else if (which == 1) {
                zip.eocdDirectoryOffset = (long) Math.max(0, zip.write().length - 22 - 46 * zip.entries.size() + delta);
            } else {
                zip.eocdDirectorySize = (long) Math.max(0, 46 * zip.entries.size() + delta);
            }
            return Expect.REFUSE;
        });
        add("zip.missing-entry", (zip, seed, r, d) -> {
            FuzzZip.Entry e = zip.entries.remove(r.nextInt(zip.entries.size()));
            String rel = e.name.substring(e.name.indexOf('/') + 1);
            d.append(e.name);
            boolean needed = rel.equals("data.pkl") || rel.equals("constants.pkl") || rel.startsWith("data/")
                    || rel.startsWith("constants/") || rel.equals("version") || rel.equals("code/__torch__.py");
            return needed ? Expect.REFUSE : Expect.EITHER;
        });
        add("zip.entry-name", (zip, seed, r, d) -> {
            FuzzZip.Entry e = any(zip, r).copy();
            String folder = e.name.substring(0, e.name.indexOf('/') + 1);
            String[] names = {"/etc/passwd", "../evil", folder + "a\\b", folder + "x\0y", "other/data.pkl", folder + "extra/",
                folder + "extra/../../evil"};
            int k = r.nextInt(names.length);
            e.name = names[k];
            e.data = k == 5 ? new byte[0] : e.data;
            zip.entries.add(e);
            d.append(PyName.quote(e.name));
            return k >= 5 ? Expect.EITHER : Expect.REFUSE;
        });
        add("zip.byte-flips", (zip, seed, r, d) -> {
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                zip.flips.add(r.nextDouble());
            }
            return Expect.EITHER;
        });
    }

    /** Names in the reproducer's detail, with control characters escaped. */
    private static final class PyName {
        static String quote(String s) {
            return "'" + s.replace("\0", "\\0") + "'";
        }
    }
}
