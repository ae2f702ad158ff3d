namespace GreenCompute.Ethereum.Rlp;

/// <summary>
/// Strict RLP decoding: the input must be exactly one canonical item. Rejected with <see cref="RlpException"/>:
/// trailing bytes, lengths past the end, long-form lengths with leading zeros or below 56, and a single byte
/// below 0x80 wrapped in a header.
/// </summary>
public static class RlpDecoder
{
    /// <summary>Lists nested deeper than this are rejected, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 1024;

    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            throw new RlpException(RlpError.EmptyInput, "RLP input is empty.");
        }

        var position = 0;
        var item = ReadItem(input, ref position, 0);
        if (position != input.Length)
        {
            throw new RlpException(RlpError.TrailingBytes, $"{input.Length - position} bytes follow the RLP item.");
        }

        return item;
    }

    private static RlpItem ReadItem(ReadOnlySpan<byte> input, ref int position, int depth)
    {
        var prefix = input[position];
        if (prefix < 0x80)
        {
            position++;
            return RlpItem.FromBytes(input.Slice(position - 1, 1));
        }

        var isList = prefix >= 0xC0;
        var length = ReadLength(input, ref position, isList);
        var payload = input.Slice(position, length);
        position += length;
        if (!isList)
        {
            if (length == 1 && payload[0] < 0x80)
            {
                throw new RlpException(RlpError.NonCanonicalSingleByte, $"Byte 0x{payload[0]:x2} must be encoded as itself, not with a header.");
            }

            return RlpItem.FromBytes(payload);
        }

        if (depth >= MaxDepth)
        {
            throw new RlpException(RlpError.TooDeep, $"RLP lists nested deeper than {MaxDepth}.");
        }

        var items = new List<RlpItem>();
        var inner = 0;
        while (inner < payload.Length)
        {
            items.Add(ReadItem(payload, ref inner, depth + 1));
        }

        return RlpItem.FromList(items);
    }

    /// <summary>Reads the header at <paramref name="position"/>, leaves it at the payload and checks the payload fits.</summary>
    private static int ReadLength(ReadOnlySpan<byte> input, ref int position, bool isList)
    {
        var prefix = input[position++];
        var shortBase = isList ? 0xC0 : 0x80;
        var longBase = shortBase + 55;
        long length;
        if (prefix <= longBase)
        {
            length = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - longBase;
            if (input.Length - position < lengthOfLength)
            {
                throw new RlpException(RlpError.UnexpectedEnd, "RLP input ends inside a length.");
            }

            var lengthBytes = input.Slice(position, lengthOfLength);
            position += lengthOfLength;
            if (lengthBytes[0] == 0)
            {
                throw new RlpException(RlpError.NonCanonicalLength, "RLP length has a leading zero byte.");
            }

            if (lengthOfLength > 4)
            {
                throw new RlpException(RlpError.LengthOverflow, $"RLP length of {lengthOfLength} bytes is too large.");
            }

            length = 0;
            foreach (var b in lengthBytes)
            {
                length = (length << 8) | b;
            }

            if (length < 56)
            {
                throw new RlpException(RlpError.NonCanonicalLength, $"RLP length {length} must use the short form.");
            }

            if (length > int.MaxValue)
            {
                throw new RlpException(RlpError.LengthOverflow, $"RLP length {length} is too large.");
            }
        }

        if (length > input.Length - position)
        {
            throw new RlpException(RlpError.UnexpectedEnd, $"RLP item announces {length} bytes, {input.Length - position} remain.");
        }

        return (int)length;
    }
}
