package io.hubshare.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip member of an exact length: the deflated data behind a header whose comment field (FCOMMENT, which readers
 * skip) pads it. What a careful tamperer does to a crawl's partial file so that its length still matches the
 * checkpoint.
 */
final class GzipPadding {
  private GzipPadding() {}

  static byte[] member(byte[] data, long length) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    while (!d.finished()) deflated.write(buf, 0, d.deflate(buf));
    d.end();
    int pad = (int) (length - 10 - 1 - deflated.size() - 8);
    if (pad < 0) throw new IllegalArgumentException("the data does not fit in " + length + " bytes");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x10, 0, 0, 0, 0, 0, (byte) 0xff});
    byte[] comment = new byte[pad];
    Arrays.fill(comment, (byte) 'x');
    out.writeBytes(comment);
    out.write(0);
    out.writeBytes(deflated.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(data);
    writeInt(out, (int) crc.getValue());
    writeInt(out, data.length);
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }
}
