package io.tokensockjs.bench.load;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Bench heapowners BEFORE.hprof AFTER.hprof N}: what N idle sockets add to a server's live heap, per socket, by
 * who holds it, from two heap dumps of the same server ({@code jcmd <pid> GC.heap_dump FILE}: live objects only),
 * one with none held and one with N. A class histogram counts a {@code byte[]} or a {@code HashMap} as the JDK's;
 * here every object of a JDK class (and of a byte-buffer pool's wrapper class, which holds bytes for whoever asked)
 * is charged to its nearest holder of another class, found by walking up one referrer at a time (a referrer of a
 * non-JDK class preferred over a JDK one). An object several holders share goes to one of them; reading the
 * difference of two dumps of the same server, the shared ones mostly cancel out.
 *
 * <p>Sizes are the HotSpot layout's with compressed references on a 64-bit JVM (12-byte object header, 16-byte array
 * header, 4-byte references, 8-byte alignment), field gaps not counted: within a few percent of the histogram.
 */
final class HeapOwners {

    /** Classes walked through: they hold what others asked them for. */
    private static final String[] PASS_THROUGH = {"com.ibm.ws.bytebuffer.", "com.ibm.wsspi.bytebuffer.",
            "org.glassfish.grizzly.memory."};

    /** The holder of objects whose referrers are all of JDK classes (or that no object refers to). */
    private static final String JDK_ONLY = "(JDK-only)";

    private HeapOwners() {
    }

    static String of(List<String> args) throws IOException {
        if (args.size() != 3) {
            throw new IllegalArgumentException("heapowners BEFORE.hprof AFTER.hprof SOCKETS");
        }
        Map<String, long[]> before = new Dump(Path.of(args.get(0))).bytesByHolder();
        Map<String, long[]> after = new Dump(Path.of(args.get(1))).bytesByHolder();
        double sockets = Long.parseLong(args.get(2));

        Map<String, long[]> added = new HashMap<>();
        after.forEach((key, v) -> added.put(key, new long[] {v[0], v[1]}));
        before.forEach((key, v) -> {
            long[] sum = added.computeIfAbsent(key, k -> new long[2]);
            sum[0] -= v[0];
            sum[1] -= v[1];
        });
        Map<HistogramDiff.Owner, long[]> byOwner = new LinkedHashMap<>();
        Map<String, long[]> byHolder = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : added.entrySet()) {
            String holder = e.getKey().substring(0, e.getKey().indexOf(' '));
            long[] v = e.getValue();
            HistogramDiff.Owner owner = holder.equals(JDK_ONLY) ? HistogramDiff.Owner.JDK : HistogramDiff.Owner.of(holder);
            long[] o = byOwner.computeIfAbsent(owner, k -> new long[2]);
            o[0] += v[0];
            o[1] += v[1];
            long[] h = byHolder.computeIfAbsent(holder, k -> new long[2]);
            h[0] += v[0];
            h[1] += v[1];
            total += v[1];
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("# heapowners %s %s %d%n", args.get(0), args.get(1), (long) sockets));
        out.append(String.format("live heap added per socket: %,.0f B (shallow sizes, computed)%n%n", total / sockets));
        out.append("by owner of the nearest holder (B per socket, objects per socket):\n");
        for (HistogramDiff.Owner owner : HistogramDiff.Owner.values()) {
            long[] v = byOwner.getOrDefault(owner, new long[2]);
            out.append(String.format("  %8.0f  %7.1f  %s%n", v[1] / sockets, v[0] / sockets,
                    owner == HistogramDiff.Owner.JDK ? "JDK (no holder outside the JDK: roots, statics, sockets)"
                            : owner.label));
        }
        out.append("\nby holder class, with what it holds (B per socket, objects per socket), holders of >= 16 B:\n");
        byHolder.entrySet().stream()
                .filter(e -> Math.abs(e.getValue()[1] / sockets) >= 16)
                .sorted((a, b) -> Long.compare(Math.abs(b.getValue()[1]), Math.abs(a.getValue()[1])))
                .forEach(h -> {
                    out.append(String.format("  %8.1f  %7.2f  %s  [%s]%n", h.getValue()[1] / sockets,
                            h.getValue()[0] / sockets, h.getKey(), HistogramDiff.Owner.of(h.getKey()).name()));
                    added.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(h.getKey() + " "))
                            .filter(e -> Math.abs(e.getValue()[1] / sockets) >= 4)
                            .sorted((a, b) -> Long.compare(Math.abs(b.getValue()[1]), Math.abs(a.getValue()[1])))
                            .forEach(e -> out.append(String.format("        %8.1f  %7.2f    %s%n",
                                    e.getValue()[1] / sockets, e.getValue()[0] / sockets,
                                    e.getKey().substring(e.getKey().indexOf(' ') + 1))));
                });
        return out.toString();
    }

    /** One HPROF file, read twice: the objects and their classes, then who refers to whom. */
    private static final class Dump {
        private static final int HEADER = 12;
        private static final int ARRAY_HEADER = 16;
        private static final int REFERENCE = 4;

        private final Path file;
        private int idSize;
        private final Map<Long, String> strings = new HashMap<>();
        private final Map<Long, String> classNames = new HashMap<>();
        /** Per class id: its instance fields' types (its own, then its superclasses' in order), and its super id. */
        private final Map<Long, byte[]> fieldTypes = new HashMap<>();
        private final Map<Long, Long> superOf = new HashMap<>();
        private final List<String> classList = new ArrayList<>();

        private final LongIntMap index = new LongIntMap();
        private int count;
        private int[] classOf = new int[1 << 20];
        private int[] size = new int[1 << 20];
        private int[] parent;

        Dump(Path file) {
            this.file = file;
        }

        Map<String, long[]> bytesByHolder() throws IOException {
            read(false);
            parent = new int[count];
            Arrays.fill(parent, -1);
            read(true);
            boolean[] transparent = new boolean[classList.size()];
            for (int c = 0; c < classList.size(); c++) {
                transparent[c] = isTransparent(classList.get(c));
            }
            Map<String, long[]> result = new HashMap<>();
            for (int o = 0; o < count; o++) {
                int holder = o;
                for (int depth = 0; holder >= 0 && transparent[classOf[holder]] && depth < 100; depth++) {
                    holder = parent[holder];
                }
                String holderName = holder >= 0 && !transparent[classOf[holder]] ? classList.get(classOf[holder])
                        : JDK_ONLY;
                long[] v = result.computeIfAbsent(holderName + " " + classList.get(classOf[o]), k -> new long[2]);
                v[0]++;
                v[1] += size[o];
            }
            return result;
        }

        private static boolean isTransparent(String className) {
            if (HistogramDiff.Owner.of(className) == HistogramDiff.Owner.JDK) {
                return true;
            }
            String element = className.replaceFirst("^\\[+L?", "");
            for (String prefix : PASS_THROUGH) {
                if (element.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private void read(boolean references) throws IOException {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
                while (in.readByte() != 0) {
                    // the format's name, NUL-terminated
                }
                idSize = in.readInt();
                in.readLong();
                while (true) {
                    int tag;
                    try {
                        tag = in.readUnsignedByte();
                    } catch (EOFException end) {
                        return;
                    }
                    in.readInt();
                    long length = Integer.toUnsignedLong(in.readInt());
                    if (tag == 0x01 && !references) {
                        long id = id(in);
                        byte[] text = new byte[(int) (length - idSize)];
                        in.readFully(text);
                        strings.put(id, new String(text, java.nio.charset.StandardCharsets.UTF_8));
                    } else if (tag == 0x02 && !references) {
                        in.readInt();
                        long classId = id(in);
                        in.readInt();
                        classNames.put(classId, strings.getOrDefault(id(in), "?").replace('/', '.'));
                    } else if (tag == 0x0C || tag == 0x1C) {
                        heapDump(in, length, references);
                    } else {
                        in.skipNBytes(length);
                    }
                }
            }
        }

        private void heapDump(DataInputStream in, long length, boolean references) throws IOException {
            long end = length;
            long read = 0;
            while (read < end) {
                int sub = in.readUnsignedByte();
                read += 1;
                switch (sub) {
                    case 0xFF, 0x05, 0x07 -> read += skip(in, idSize);
                    case 0x01 -> read += skip(in, 2L * idSize);
                    case 0x02, 0x03, 0x08 -> read += skip(in, idSize + 8L);
                    case 0x04, 0x06 -> read += skip(in, idSize + 4L);
                    case 0x20 -> read += classDump(in, references);
                    case 0x21 -> read += instance(in, references);
                    case 0x22 -> read += objectArray(in, references);
                    case 0x23 -> read += primitiveArray(in, references);
                    default -> throw new IOException("unknown heap dump record 0x" + Integer.toHexString(sub));
                }
            }
        }

        private long classDump(DataInputStream in, boolean references) throws IOException {
            long read = 0;
            long classId = id(in);
            in.readInt();
            long superId = id(in);
            read += idSize + 4 + idSize;
            read += skip(in, 5L * idSize + 4);
            int constants = in.readUnsignedShort();
            read += 2;
            for (int i = 0; i < constants; i++) {
                in.readUnsignedShort();
                int type = in.readUnsignedByte();
                read += 3 + skip(in, valueSize(type));
            }
            int statics = in.readUnsignedShort();
            read += 2;
            for (int i = 0; i < statics; i++) {
                id(in);
                int type = in.readUnsignedByte();
                read += idSize + 1 + skip(in, valueSize(type));
            }
            int fields = in.readUnsignedShort();
            read += 2;
            byte[] types = new byte[fields];
            for (int i = 0; i < fields; i++) {
                id(in);
                types[i] = in.readByte();
                read += idSize + 1;
            }
            if (!references) {
                fieldTypes.put(classId, types);
                superOf.put(classId, superId);
            }
            return read;
        }

        private long instance(DataInputStream in, boolean references) throws IOException {
            long id = id(in);
            in.readInt();
            long classId = id(in);
            int bytes = in.readInt();
            if (!references) {
                int fieldBytes = 0;
                for (long c = classId; c != 0 && fieldTypes.containsKey(c); c = superOf.getOrDefault(c, 0L)) {
                    for (byte type : fieldTypes.get(c)) {
                        fieldBytes += type == 2 ? REFERENCE : valueSize(type);
                    }
                }
                add(id, className(classId), align(HEADER + fieldBytes));
                in.skipNBytes(bytes);
            } else {
                int self = index.get(id);
                byte[] data = new byte[bytes];
                in.readFully(data);
                int at = 0;
                for (long c = classId; c != 0 && fieldTypes.containsKey(c); c = superOf.getOrDefault(c, 0L)) {
                    for (byte type : fieldTypes.get(c)) {
                        if (type == 2) {
                            refer(self, idAt(data, at));
                            at += idSize;
                        } else {
                            at += valueSize(type);
                        }
                    }
                }
            }
            return 2L * idSize + 8 + bytes;
        }

        private long objectArray(DataInputStream in, boolean references) throws IOException {
            long id = id(in);
            in.readInt();
            int length = in.readInt();
            long classId = id(in);
            if (!references) {
                add(id, className(classId), align(ARRAY_HEADER + (long) length * REFERENCE));
                in.skipNBytes((long) length * idSize);
            } else {
                int self = index.get(id);
                for (int i = 0; i < length; i++) {
                    refer(self, id(in));
                }
            }
            return 2L * idSize + 8 + (long) length * idSize;
        }

        private long primitiveArray(DataInputStream in, boolean references) throws IOException {
            long id = id(in);
            in.readInt();
            int length = in.readInt();
            int type = in.readUnsignedByte();
            long bytes = (long) length * valueSize(type);
            if (!references) {
                add(id, "[" + "??ZCFDBSIJ".charAt(type - 2), align(ARRAY_HEADER + bytes));
            }
            in.skipNBytes(bytes);
            return idSize + 9 + bytes;
        }

        private void refer(int from, long to) {
            if (to == 0 || from < 0) {
                return;
            }
            int child = index.get(to);
            if (child < 0) {
                return;
            }
            int was = parent[child];
            if (was < 0 || (isTransparentIndex(was) && !isTransparentIndex(from))) {
                parent[child] = from;
            }
        }

        private Boolean[] transparentCache;

        private boolean isTransparentIndex(int object) {
            if (transparentCache == null) {
                transparentCache = new Boolean[classList.size()];
            }
            int c = classOf[object];
            if (transparentCache[c] == null) {
                transparentCache[c] = isTransparent(classList.get(c));
            }
            return transparentCache[c];
        }

        /** LOAD_CLASS names arrays by their signature ([Ljava.lang.Object;), as the class histogram does. */
        private String className(long classId) {
            return classNames.getOrDefault(classId, "?");
        }

        private void add(long id, String className, long bytes) {
            int klass = classIndexOf(className);
            if (count == classOf.length) {
                classOf = Arrays.copyOf(classOf, count * 2);
                size = Arrays.copyOf(size, count * 2);
            }
            classOf[count] = klass;
            size[count] = (int) bytes;
            index.put(id, count);
            count++;
        }

        private final Map<String, Integer> classByName = new HashMap<>();

        private int classIndexOf(String className) {
            return classByName.computeIfAbsent(className, name -> {
                classList.add(name);
                return classList.size() - 1;
            });
        }

        private long id(DataInputStream in) throws IOException {
            return idSize == 8 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
        }

        private long idAt(byte[] data, int at) {
            long v = 0;
            for (int i = 0; i < idSize; i++) {
                v = (v << 8) | (data[at + i] & 0xFF);
            }
            return v;
        }

        private int valueSize(int type) {
            return switch (type) {
                case 2 -> idSize;
                case 4, 8 -> 1;
                case 5, 9 -> 2;
                case 6, 10 -> 4;
                case 7, 11 -> 8;
                default -> throw new IllegalArgumentException("basic type " + type);
            };
        }

        private static long skip(DataInputStream in, long bytes) throws IOException {
            in.skipNBytes(bytes);
            return bytes;
        }

        private static long align(long bytes) {
            return (bytes + 7) & ~7L;
        }
    }

    /** Object ids to their index: open addressing, no boxing (a dump holds millions). */
    private static final class LongIntMap {
        private long[] keys = new long[1 << 22];
        private int[] values = new int[1 << 22];
        private int size;

        void put(long key, int value) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int slot = slot(key, keys.length);
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & (keys.length - 1);
            }
            if (keys[slot] == 0) {
                size++;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        int get(long key) {
            int slot = slot(key, keys.length);
            while (keys[slot] != 0) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & (keys.length - 1);
            }
            return -1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int slot(long key, int length) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (length - 1);
        }
    }
}
