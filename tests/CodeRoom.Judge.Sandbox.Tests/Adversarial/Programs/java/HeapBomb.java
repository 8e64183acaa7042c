import java.util.ArrayList;
// Java heap growth: 8 MiB arrays, filled so they are resident.
public class HeapBomb {
    public static void main(String[] args) {
        var list = new ArrayList<long[]>();
        while (true) {
            long[] a = new long[1 << 20];
            java.util.Arrays.fill(a, 1L);
            list.add(a);
        }
    }
}
