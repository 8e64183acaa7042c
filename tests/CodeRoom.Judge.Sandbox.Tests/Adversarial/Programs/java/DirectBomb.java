import java.nio.ByteBuffer;
import java.util.ArrayList;
// Off-heap memory: direct buffers are outside the Java heap, so -Xmx does not bound them.
public class DirectBomb {
    public static void main(String[] args) {
        var buffers = new ArrayList<ByteBuffer>();
        while (true) {
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 24);
            for (int i = 0; i < b.capacity(); i += 4096) b.put(i, (byte) 1);
            buffers.add(b);
        }
    }
}
