namespace GreenCompute.Ethereum.Rlp;

/// <summary>RLP serialisation (yellow paper appendix B). Output is always canonical.</summary>
public static class RlpEncoder
{
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var buffer = new byte[GetEncodedLength(item)];
        var written = Write(item, buffer);
        System.Diagnostics.Debug.Assert(written == buffer.Length, "Encoded length mismatch.");
        return buffer;
    }

    private static int GetEncodedLength(RlpItem item)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes.Span;
            return bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;
        }

        var payload = GetPayloadLength(item);
        return HeaderLength(payload) + payload;
    }

    private static int GetPayloadLength(RlpItem list)
    {
        var total = 0;
        foreach (var child in list.Items)
        {
            total = checked(total + GetEncodedLength(child));
        }

        return total;
    }

    private static int HeaderLength(int payloadLength) => payloadLength < 56 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length)
    {
        var n = 0;
        for (var v = (uint)length; v != 0; v >>= 8)
        {
            n++;
        }

        return n;
    }

    private static int Write(RlpItem item, Span<byte> destination)
    {
        if (!item.IsList)
        {
            var bytes = item.Bytes.Span;
            if (bytes.Length == 1 && bytes[0] < 0x80)
            {
                destination[0] = bytes[0];
                return 1;
            }

            var header = WriteHeader(destination, 0x80, bytes.Length);
            bytes.CopyTo(destination[header..]);
            return header + bytes.Length;
        }

        var offset = WriteHeader(destination, 0xC0, GetPayloadLength(item));
        foreach (var child in item.Items)
        {
            offset += Write(child, destination[offset..]);
        }

        return offset;
    }

    /// <summary>Short form: offset + length (length &lt; 56); long form: offset + 55 + length-of-length, then the length.</summary>
    private static int WriteHeader(Span<byte> destination, byte offset, int length)
    {
        if (length < 56)
        {
            destination[0] = (byte)(offset + length);
            return 1;
        }

        var lengthOfLength = LengthOfLength(length);
        destination[0] = (byte)(offset + 55 + lengthOfLength);
        for (var i = 0; i < lengthOfLength; i++)
        {
            destination[lengthOfLength - i] = (byte)(length >> (8 * i));
        }

        return 1 + lengthOfLength;
    }
}
