package org.fupin.registry.internal.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Opens an uploaded CSV in the right encoding: UTF-8 when it starts with a BOM or its first 64 KiB are valid
 * UTF-8, otherwise GBK (what Excel on Chinese Windows saves). Decoding is strict: a byte sequence that is not
 * valid in the detected encoding is an error, never a silent replacement character.
 */
public final class CsvCharset {
    static final int SNIFF_BYTES = 64 * 1024;
    static final Charset GBK = Charset.forName("GBK");

    private CsvCharset() {
    }

    public record Opened(Reader reader, Charset charset) {
    }

    public static Opened open(InputStream raw) throws IOException {
        var in = new BufferedInputStream(raw, SNIFF_BYTES * 2);
        in.mark(SNIFF_BYTES + 3);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        Charset charset;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            charset = StandardCharsets.UTF_8;
        } else {
            charset = validUtf8(head, head.length < SNIFF_BYTES) ? StandardCharsets.UTF_8 : GBK;
        }
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new Opened(new InputStreamReader(in, decoder), charset);
    }

    /** Whether the bytes are UTF-8; a character cut off at the end of a partial sample does not count against it. */
    static boolean validUtf8(byte[] bytes, boolean complete) {
        int end = bytes.length;
        if (!complete) {
            // step back over a trailing, possibly incomplete multi-byte sequence
            int back = 0;
            while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
                end = end - back - 1;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Arrays.copyOf(bytes, end)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
